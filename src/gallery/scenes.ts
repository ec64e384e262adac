/** A curated scene: a preset and the one idea it teaches. */
export interface GalleryScene {
  /** Stable id, also used in tests. */
  readonly id: string;
  readonly title: string;
  /** A few sentences: what to look at and why it happens. */
  readonly lesson: string;
  /** A version-1 preset (checked by the schema in the tests and when opened). */
  readonly preset: Readonly<Record<string, unknown>>;
}

/** The gallery, in teaching order: direction (momentum), scale (adaptive rates), time (schedules). */
export const gallery: readonly GalleryScene[] = [
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
    id: 'adam-rosenbrock',
    title: 'Adam against SGD in the banana valley',
    lesson:
      "Rosenbrock's valley floor is nearly flat but its walls are steep. At the same rate, 0.001, " +
      'SGD takes the walls’ big gradients and creeps along the floor; Adam divides each ' +
      'coordinate by its own gradient size, so it moves at about the rate on every axis and ends ' +
      'far closer to (1, 1).',
    preset: {
      v: 1,
      fn: { id: 'rosenbrock' },
      start: [-1, 1],
      steps: 5000,
      optimizers: [
        { type: 'sgd', lr: 0.001 },
        { type: 'adam', lr: 0.001 },
      ],
    },
  },
  {
    id: 'noise-saddle',
    title: 'Noise lets SGD escape a saddle',
    lesson:
      'The start lies exactly on the ridge line y = 0, where the gradient points straight at the ' +
      'saddle point: without noise SGD would stop there. Gradient noise (σ = 0.1) knocks it off ' +
      'the ridge and the downhill direction takes over; momentum escapes sooner. Set σ to 0 to ' +
      'watch both stall.',
    preset: {
      v: 1,
      fn: { id: 'saddle' },
      start: [1.5, 0],
      steps: 80,
      noise: { sigma: 0.1, seed: 3 },
      optimizers: [
        { type: 'sgd', lr: 0.03 },
        { type: 'sgd', lr: 0.03, momentum: 0.9 },
      ],
    },
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
    id: 'warmup-cosine',
    title: 'A schedule beats a constant rate under noise',
    lesson:
      'With noisy gradients a constant rate keeps jumping around the minimum: the noise sets a ' +
      'floor. Warmup starts gently, then cosine annealing lowers the rate towards 0, and the same ' +
      'optimizer settles far below that floor. Compare the loss curves at the end.',
    preset: {
      v: 1,
      fn: { id: 'narrow_valley', params: { kappa: 10 } },
      start: [-3, 1.5],
      steps: 1000,
      noise: { sigma: 2, seed: 1 },
      optimizers: [
        { type: 'sgd', lr: 0.05, momentum: 0.9, label: 'Momentum, constant lr' },
        {
          type: 'sgd',
          lr: 0.05,
          momentum: 0.9,
          label: 'Momentum, warmup + cosine',
          schedule: { type: 'warmup_cosine', warmup_steps: 100, T_max: 900 },
        },
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
  {
    id: 'himmelblau-basins',
    title: 'The optimizer picks the minimum',
    lesson:
      "Himmelblau's function has four equally good minima. From one start near its peak, SGD and " +
      'Momentum roll into the minimum at (3.58, −1.85) while Adam, whose first steps follow the ' +
      'signs of the gradient rather than its direction, ends at (3, 2).',
    preset: {
      v: 1,
      fn: { id: 'himmelblau' },
      start: [-0.27, -0.92],
      steps: 300,
      optimizers: [
        { type: 'sgd', lr: 0.01 },
        { type: 'sgd', lr: 0.01, momentum: 0.9 },
        { type: 'adam', lr: 0.1 },
      ],
    },
  },
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
