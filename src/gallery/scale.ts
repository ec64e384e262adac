import type { GalleryScene } from './types.ts';

/**
 * Measured on the scene below (tests/unit/gallery.test.ts measures them again): the curvatures
 * across and along the valley at (1, 1), to one digit, and how far SGD still is from (1, 1).
 */
const rosenbrock = { across: 1000, along: 0.4, sgdMiss: 0.13 };

/** Scale: rates that adapt to each coordinate's gradient size. */
export const scale: readonly GalleryScene[] = [
  {
    id: 'adam-rosenbrock',
    title: 'Adam against SGD in the banana valley',
    lesson:
      `Near (1, 1) Rosenbrock's valley curves about ${rosenbrock.across} across but only ` +
      `${rosenbrock.along} along its floor, so SGD's rate must stay below about ` +
      `2/${rosenbrock.across} or it bounces between the walls instead of settling. At ` +
      `0.001 it creeps along the nearly flat floor: after 5000 steps it is still ${rosenbrock.sgdMiss} ` +
      'from (1, 1). Adam divides each coordinate by its own gradient size, so it moves at about ' +
      'its rate along the floor as well as across it: at 0.01 it reaches (1, 1).',
    preset: {
      v: 1,
      fn: { id: 'rosenbrock' },
      start: [-1, 1],
      steps: 5000,
      optimizers: [
        { type: 'sgd', lr: 0.001 },
        { type: 'adam', lr: 0.01 },
      ],
    },
    figures: rosenbrock,
  },
  {
    id: 'adagrad-rmsprop',
    title: "AdaGrad's step dies, RMSProp's does not",
    lesson:
      'Both divide the rate by the root of squared gradients. AdaGrad sums them for ever, so its ' +
      'steps shrink the longer it runs and it stalls in the valley. RMSProp keeps a moving average ' +
      'that forgets old gradients: its steps keep their size, enough to reach the end (and to ' +
      'rattle there).',
    preset: {
      v: 1,
      fn: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: 2000,
      optimizers: [
        { type: 'adagrad', lr: 0.5 },
        { type: 'rmsprop', lr: 0.01 },
      ],
    },
  },
  {
    id: 'lion-adam',
    title: 'Lion against Adam',
    lesson:
      'Lion steps by the sign of its momentum: every step moves each coordinate by exactly the ' +
      'rate, so its path is made of diagonal moves of one size. It keeps full speed on flat ground, ' +
      'which is why it wants a rate 3–10× smaller than Adam, and it rattles where the valley is steep.',
    preset: {
      v: 1,
      fn: { id: 'rosenbrock' },
      start: [-1.5, 2],
      steps: 500,
      optimizers: [
        { type: 'adam', lr: 0.05 },
        { type: 'lion', lr: 0.01 },
      ],
    },
  },
  {
    id: 'adamw-decay',
    title: "AdamW's decoupled decay pulls toward the origin",
    lesson:
      'Same weight decay, 0.5. Adam with L2 adds 0.5·p to the gradient, and Adam then rescales it ' +
      'with the gradient: it ends a little off the minimum (1, 3). AdamW shrinks p by lr·wd every ' +
      'step, whatever the gradient: the pull toward (0, 0) wins early and it settles far from the minimum.',
    preset: {
      v: 1,
      fn: { id: 'booth' },
      start: [-8, 7],
      steps: 1500,
      optimizers: [
        { type: 'adam', lr: 0.05 },
        { type: 'adam', lr: 0.05, weight_decay: 0.5, label: 'Adam + L2 (0.5)' },
        { type: 'adamw', lr: 0.05, weight_decay: 0.5, label: 'AdamW (0.5)' },
      ],
    },
  },
];
