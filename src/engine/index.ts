export { eachRun, simulate, sceneNoise } from './simulate.ts';
export { Trajectory } from './trajectory.ts';
export { pathOnly } from './pathOnly.ts';
export { builtinObjective } from './objective.ts';
export { functions, getFunction, defaultParams } from './functions/index.ts';
export { optimizers, getOptimizer } from './optimizers/index.ts';
export { fillLearningRates } from './schedules.ts';
export { computeField, logLevels, sampleGrid, type ContourField } from './field.ts';
export type * from './scene.ts';
export type * from './types.ts';
export type {
  HyperSpec,
  HyperValues,
  Optimizer,
  OptimizerSpec,
  Range,
} from './optimizers/index.ts';
