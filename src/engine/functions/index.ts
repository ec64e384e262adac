import type { Examples } from '../data/examples.ts';
import { dataModels } from '../data/models.ts';
import { userModel, userModels } from '../data/userModel.ts';
import type { TestFunction } from '../types.ts';
import { ackley } from './ackley.ts';
import { beale } from './beale.ts';
import { booth } from './booth.ts';
import { himmelblau } from './himmelblau.ts';
import { matyas } from './matyas.ts';
import { monkeySaddle } from './monkey_saddle.ts';
import { narrowValley } from './narrow_valley.ts';
import { rastrigin } from './rastrigin.ts';
import { rosenbrock } from './rosenbrock.ts';
import { saddle } from './saddle.ts';
import { sixHumpCamel } from './six_hump_camel.ts';
import { styblinskiTang } from './styblinski_tang.ts';

export {
  ackley,
  beale,
  booth,
  himmelblau,
  matyas,
  monkeySaddle,
  narrowValley,
  rastrigin,
  rosenbrock,
  saddle,
  sixHumpCamel,
  styblinskiTang,
};

/** Every built-in test function, in display order. */
export const functions: readonly TestFunction[] = [
  rosenbrock,
  narrowValley,
  saddle,
  beale,
  himmelblau,
  rastrigin,
  ackley,
  booth,
  sixHumpCamel,
  matyas,
  monkeySaddle,
  styblinskiTang,
];

/** Every loss made of data (engine/data): listed apart, found by id like the functions. */
export { dataModels };

const byId = new Map([...functions, ...dataModels, ...userModels].map((fn) => [fn.id, fn]));

/** The built-in function or data model with this id; a Map lookup, so "__proto__" and the like find nothing. */
export function getFunction(id: string): TestFunction | undefined {
  return byId.get(id);
}

/**
 * A scene's function: getFunction(fn.id), or for a model of the user's data that record bound to
 * the scene's rows (one per rows object). Every caller that evaluates, fits or draws the function
 * asks here; getFunction alone serves what the id decides (names, parameters, inputs).
 */
export function functionOf(fn: {
  readonly id: string;
  readonly rows?: Examples;
}): TestFunction | undefined {
  return fn.rows ? userModel(fn.id, fn.rows) : getFunction(fn.id);
}

/** Every parameter of `fn` at its default value. */
export function defaultParams(fn: TestFunction): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(fn.params)) out[name] = spec.default;
  return out;
}
