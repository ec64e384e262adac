import type { GalleryScene } from './types.ts';

/** Time: rates that change as the run goes on. */
export const time: readonly GalleryScene[] = [
  {
    id: 'kink-schedule',
    title: 'A kink needs a shrinking rate',
    lesson:
      'A typed function, |x| + |y|: its gradient is ±1 everywhere, even next to the minimum, so ' +
      'SGD at a constant rate keeps jumping over the kink and rattles at a distance of about the ' +
      'rate. The same SGD with a cosine schedule takes ever smaller steps and settles. Edit the ' +
      'function to try others: smooth bowls let the constant rate settle too.',
    preset: {
      v: 1,
      fn: { id: 'custom', expr: 'abs(x) + abs(y)' },
      start: [-2.03, 1.97],
      steps: 200,
      optimizers: [
        { type: 'sgd', lr: 0.1, label: 'constant rate' },
        { type: 'sgd', lr: 0.1, schedule: { type: 'cosine', T_max: 200 }, label: 'cosine' },
      ],
    },
  },
];
