import { adadelta } from './adadelta.ts';
import { adagrad } from './adagrad.ts';
import { adam, adamw } from './adam.ts';
import { adamax } from './adamax.ts';
import { lion } from './lion.ts';
import { nadam } from './nadam.ts';
import { radam } from './radam.ts';
import { rmsprop } from './rmsprop.ts';
import { sgd } from './sgd.ts';
import type { OptimizerSpec } from './spec.ts';

export type {
  HyperSpec,
  HyperValues,
  Optimizer,
  OptimizerSpec,
  Range,
  ReusableOptimizer,
} from './spec.ts';

/** Every optimizer type, in display order. */
export const optimizers: readonly OptimizerSpec[] = [
  sgd,
  adam,
  adamw,
  rmsprop,
  adagrad,
  adadelta,
  adamax,
  nadam,
  radam,
  lion,
];

const byType = new Map(optimizers.map((o) => [o.type, o]));

/** The optimizer spec for a preset's `type`, or undefined for anything else. */
export const getOptimizer = (type: string): OptimizerSpec | undefined => byType.get(type);
