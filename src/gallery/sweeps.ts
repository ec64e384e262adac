import type { GalleryScene } from './types.ts';

/** The narrow valley's steep-side curvature (map and curves): SGD needs lr < 2/κ there. */
const kappa = 100;
/** The largest rate at which heavy-ball momentum β settles on a quadratic of top curvature κ. */
const stableRateLimit = (beta: number): number => (2 * (1 + beta)) / kappa;
const topBeta = 0.95;
/** The scene's own run: a rate SGD cannot take, settled by momentum. */
const own = { lr: 0.03, momentum: 0.7 };
const map = {
  kappa,
  sgdLimit: stableRateLimit(0),
  topBeta,
  topLimit: Number(stableRateLimit(topBeta).toPrecision(2)),
  ownLr: own.lr,
  ownMomentum: own.momentum,
};

/** Measured on the curves below; tests/unit/gallerySweep.test.ts measures every one again. */
const curves = {
  tol: 0.0001,
  adamFrom: 0.016,
  adamTo: 10,
  adamDecades: 2.8,
  momentumFrom: 0.001,
  momentumTo: 0.032,
  momentumDecades: 1.5,
  sgdFrom: 0.013,
  sgdTo: 0.016,
  sgdDecades: 0.1,
};

/**
 * Measured on the basin maps below, in percent of the 128² starts, rounded as the Basins tab
 * rounds them: the least and greatest share of any optimizer's starts ending at any one minimum,
 * and how many starts end at another minimum than SGD's.
 */
const basins = { shareLow: 22, shareHigh: 27, momentumDiffers: 29, adamDiffers: 7 };

/** Many runs at once: the sweep views, each opened by the scene's `sweep` field. */
export const sweeps: readonly GalleryScene[] = [
  {
    id: 'momentum-map',
    title: "Momentum's stable region: rate × β",
    lesson:
      'Each cell of the map is a 200-step run on the narrow valley at one rate (across) and one ' +
      'momentum β (up); its colour is the final loss. The valley is κ = ' +
      `${map.kappa} times steeper across than along, and theory says the zig-zag across it grows ` +
      `once the rate passes 2(1 + β)/κ: ${map.sgdLimit} without momentum, ${map.topLimit} at β = ` +
      `${map.topBeta}. The map agrees cell by cell: every run left of that straight line ends ` +
      'below its starting loss, every run right of it above. So momentum nearly doubles the usable ' +
      `rate: the scene’s own run, rate ${map.ownLr} with β = ${map.ownMomentum}, settles, and the ` +
      'same rate without momentum blows up. Click a cell to watch its run.',
    preset: {
      v: 1,
      fn: { id: 'narrow_valley', params: { kappa } },
      start: [-3.5, 1.5],
      steps: 200,
      optimizers: [{ type: 'sgd', ...own }],
      sweep: {
        view: 'map',
        map: {
          axes: [
            { path: 'optimizers[0].lr', from: 0.001, to: 0.06, count: 48 },
            { path: 'optimizers[0].momentum', from: 0, to: map.topBeta, count: 20 },
          ],
          optimizer: 0,
        },
        metric: 'final_loss',
      },
    },
    figures: map,
  },
  {
    id: 'lr-decades',
    title: 'How many decades of rate work: Adam against SGD',
    lesson:
      `Each curve is the final loss after 500 steps on the narrow valley (κ = ${kappa}) against the ` +
      'rate, on a log scale from 0.00001 to 10, one curve per optimizer. Adam ends with f ≤ ' +
      `${curves.tol} at every rate from ${curves.adamFrom} up to ${curves.adamTo}, the end of the ` +
      `axis: ${curves.adamDecades} decades. Momentum (0.9) does from ${curves.momentumFrom} to ` +
      `${curves.momentumTo} (${curves.momentumDecades} decades), SGD only from ${curves.sgdFrom} ` +
      `to ${curves.sgdTo} (${curves.sgdDecades} decade): its rate must stay below 2/κ = ${2 / kappa} for the ` +
      'steep side yet be large enough to cross the flat side in 500 steps. Adam divides each ' +
      'coordinate by its own gradient size, so the steep side does not cap its rate.',
    preset: {
      v: 1,
      fn: { id: 'narrow_valley', params: { kappa } },
      start: [-3, 1.5],
      steps: 500,
      optimizers: [
        { type: 'sgd', lr: 0.015 },
        { type: 'sgd', lr: 0.01, momentum: 0.9 },
        { type: 'adam', lr: 0.1 },
      ],
      sweep: {
        view: 'curves',
        curves: { axis: { path: 'optimizers[*].lr', from: 1e-5, to: 10, count: 61, scale: 'log' } },
        metric: 'final_loss',
        tol: curves.tol,
      },
    },
    figures: curves,
  },
  {
    id: 'himmelblau-basins',
    title: 'The optimizer picks the minimum',
    lesson:
      "Himmelblau's function has four equally good minima. Each pixel of the basin map is a " +
      'start, coloured by the minimum the chosen optimizer ends at after 300 steps. Each of SGD, ' +
      `Momentum and Adam sends ${basins.shareLow}% to ${basins.shareHigh}% of the starts ` +
      'to each minimum, but not the same starts: Momentum ends at another minimum than SGD from ' +
      `${basins.momentumDiffers}% of them, Adam from ${basins.adamDiffers}%. Switch the map between ` +
      'the three to see the borders move. From the scene’s own start, SGD and Adam go downhill to ' +
      '(3, 2), while Momentum carries its speed past it and ends at (3.58, −1.85).',
    preset: {
      v: 1,
      fn: { id: 'himmelblau' },
      start: [0.5, 1.7],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 0.01 },
        { type: 'sgd', lr: 0.01, momentum: 0.9 },
        { type: 'adam', lr: 0.1 },
      ],
      sweep: { view: 'basins', basins: { resolution: 128, optimizer: 1 } },
    },
    figures: basins,
  },
];
