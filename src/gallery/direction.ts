import type { GalleryScene } from './types.ts';

/** Direction: what momentum does to the path. */
export const direction: readonly GalleryScene[] = [
  {
    id: 'momentum-valley',
    title: 'Momentum damps the zig-zag',
    lesson:
      'In a valley 100 times steeper across than along, SGD needs a rate small enough for the ' +
      'steep side, so it bounces from wall to wall and crawls along the floor. Momentum averages ' +
      'the bounces away within a few swings and builds up speed along the floor: it reaches the ' +
      'minimum long before SGD.',
    preset: {
      v: 1,
      fn: { id: 'narrow_valley', params: { kappa: 100 } },
      start: [-3.5, 1.5],
      steps: 200,
      optimizers: [
        { type: 'sgd', lr: 0.019 },
        { type: 'sgd', lr: 0.008, momentum: 0.85 },
      ],
    },
  },
  {
    id: 'too-much-momentum',
    title: 'Too much momentum overshoots',
    lesson:
      'Three momenta at the same rate. 0.5 rolls straight in; 0.9 overshoots a little and still ' +
      'arrives first; 0.99 carries so much speed that it sails past the minimum again and again, ' +
      'spiralling instead of settling.',
    preset: {
      v: 1,
      fn: { id: 'booth' },
      start: [-8, 7],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 0.01, momentum: 0.5, label: 'momentum 0.5' },
        { type: 'sgd', lr: 0.01, momentum: 0.9, label: 'momentum 0.9' },
        { type: 'sgd', lr: 0.01, momentum: 0.99, label: 'momentum 0.99' },
      ],
    },
  },
];
