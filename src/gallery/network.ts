import { SHARPNESS } from '../engine/network/sharpness.ts';
import { ofSeeds, SEEDS, type GalleryScene } from './types.ts';

// The page shows each run's sharpness with the same measure the claims below count with.
export { SHARPNESS };

type Preset = Readonly<Record<string, unknown>>;

/**
 * Seed s of a network scene: the noise seed s (the order of the mini-batches) and θ₀ drawn from
 * seed s too (`network.init`), the data kept. A claim counted over seeds 1…SEEDS is then about
 * the optimizers on this data from fifty starts and batch orders, not about one lucky start.
 */
export function withNetworkSeed(preset: Preset, seed: number): Preset {
  const network = preset['network'] as Readonly<Record<string, unknown>>;
  return { ...preset, noise: { sigma: 0, seed }, network: { ...network, init: seed } };
}

/**
 * Counted over seeds 1…SEEDS (withNetworkSeed); tests/unit/galleryNetwork.test.ts counts them
 * again.
 */
const spiralCounts = {
  adamFits: 50,
  sgdFlatter: 50,
  sgdTests: 37,
  adamGap: 49,
  switchFlatter: 50,
  switchTests: 32,
};
const spiralRun = { n: 120, batch: 10, steps: 500, sgd: 0.5, adam: 0.05, from: 250, switched: 0.2 };

const circleCounts = { wide: 48, narrow: 2 };
const circleRun = { units: 4, narrowUnits: 2, lr: 0.03, steps: 300, accuracy: 90 };

const xorCounts = { adamFits: 50, adamTests: 50, adamAccurate: 47, sgdAccurate: 25 };
const xorRun = { sgd: 0.1, adam: 0.03, steps: 300, accuracy: 90 };

/** Any function: a network scene's landscape is the network's, not the 2-D function's. */
const fn = { id: 'rosenbrock' };

/**
 * Small networks on TensorFlow Playground's data (issue 15). Every count is over seeds 1…SEEDS,
 * each another θ₀ and batch order on the same data; none of these is in the gallery's list until
 * the page can show a network scene.
 */
export const network: readonly GalleryScene[] = [
  {
    id: 'network-spiral-optimizers',
    title: 'The spiral: Adam fits it closer, SGD ends flatter and tests better',
    lesson:
      'An MLP with two hidden layers of 8 tanh units learns the two-armed spiral from ' +
      `${spiralRun.n} examples, a quarter of them held out as the test set, in mini-batches of ` +
      `${spiralRun.batch}, for ` +
      `${spiralRun.steps} steps: SGD at lr ${spiralRun.sgd}, Adam at lr ${spiralRun.adam}, and ` +
      `Adam switched to SGD at lr ${spiralRun.switched} after step ${spiralRun.from}. Over ` +
      `seeds 1 to ${SEEDS} (each another start and batch order), Adam ends with the lower ` +
      `training loss in ${ofSeeds(spiralCounts.adamFits)}. Its end is also the sharper one: ` +
      `moving every unit’s incoming weights by ${100 * SHARPNESS.radius}% of their length ` +
      `along random directions (${SHARPNESS.directions} of Li et al.’s filter-normalised ` +
      'directions, both ways) raises SGD’s training loss less on average than Adam’s ' +
      `in ${ofSeeds(spiralCounts.sgdFlatter)}, and SGD’s test loss is the lower in ` +
      `${ofSeeds(spiralCounts.sgdTests)}: Adam’s gap between test and training loss is the ` +
      `larger in ${ofSeeds(spiralCounts.adamGap)}. SGD’s flatter end is also the one that ` +
      'fits the training set less; the switch shows that flatness alone does not decide: ' +
      `Adam → SGD ends flatter than Adam in ${ofSeeds(spiralCounts.switchFlatter)}, yet its ` +
      `test loss is at most Adam’s in ${ofSeeds(spiralCounts.switchTests)}. Compare the three ` +
      'decision boundaries with the test squares.',
    preset: {
      v: 1,
      fn,
      steps: spiralRun.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [
        { type: 'sgd', lr: spiralRun.sgd, label: 'SGD' },
        { type: 'adam', lr: spiralRun.adam, label: 'Adam' },
        {
          type: 'adam',
          lr: spiralRun.adam,
          phases: [{ from: spiralRun.from, type: 'sgd', lr: spiralRun.switched }],
          label: 'Adam → SGD',
        },
      ],
      network: {
        data: 'spiral',
        params: { n: spiralRun.n, batch: spiralRun.batch },
        hidden: [8, 8],
        init: 1,
      },
    },
    figures: { ...spiralCounts, ...spiralRun },
  },
  {
    id: 'network-circle-units',
    title: 'Two hidden units cannot enclose the circle; four can',
    lesson:
      'Each tanh unit of a single hidden layer is constant along parallel straight lines: it ' +
      'draws one edge across the inputs, and the output mixes the edges. With two, the region ' +
      'labelled inside always runs off to infinity (walk along one unit’s edge, the way the ' +
      'other unit’s term grows, and the mix only grows), so it cannot enclose the inner disc; ' +
      'with ' +
      `${circleRun.units} they can close around it. Adam at lr ${circleRun.lr} for ` +
      `${circleRun.steps} steps, over seeds 1 to ${SEEDS}: with ${circleRun.units} units the ` +
      `test accuracy is at least ${circleRun.accuracy}% in ${ofSeeds(circleCounts.wide)}; ` +
      `with ${circleRun.narrowUnits} units (set hidden to [${circleRun.narrowUnits}]) in ` +
      `${ofSeeds(circleCounts.narrow)}.`,
    preset: {
      v: 1,
      fn,
      steps: circleRun.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [{ type: 'adam', lr: circleRun.lr, label: 'Adam' }],
      network: {
        data: 'circle',
        params: { n: 200, batch: 10 },
        hidden: [circleRun.units],
        init: 1,
      },
    },
    figures: { ...circleCounts, ...circleRun },
  },
  {
    id: 'network-xor-adam',
    title: 'XOR in 300 steps: Adam gets there, SGD often not yet',
    lesson:
      'Exclusive or is labelled by quadrant: the hidden units must split the inputs along both ' +
      'axes together before the output can tell the quadrants apart. SGD’s steps are the ' +
      'gradient times the rate, small where the loss is flat; Adam divides each coordinate’s ' +
      'step by its gradient’s running scale, so small gradients still move it. Four tanh ' +
      `units, ${xorRun.steps} steps, SGD at lr ` +
      `${xorRun.sgd} and Adam at lr ${xorRun.adam}; over seeds 1 to ${SEEDS}, Adam ends with ` +
      `the lower training loss in ${ofSeeds(xorCounts.adamFits)} and the lower test loss in ` +
      `${ofSeeds(xorCounts.adamTests)}; its test accuracy is at least ${xorRun.accuracy}% in ` +
      `${ofSeeds(xorCounts.adamAccurate)}, SGD’s in ${ofSeeds(xorCounts.sgdAccurate)}.`,
    preset: {
      v: 1,
      fn,
      steps: xorRun.steps,
      noise: { sigma: 0, seed: 1 },
      optimizers: [
        { type: 'sgd', lr: xorRun.sgd, label: 'SGD' },
        { type: 'adam', lr: xorRun.adam, label: 'Adam' },
      ],
      network: { data: 'xor', params: { n: 200, batch: 10 }, hidden: [4], init: 1 },
    },
    figures: { ...xorCounts, ...xorRun },
  },
];
