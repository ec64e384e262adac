import { trainSize, type Examples } from '../../engine/data/examples.ts';
import type { Inputs } from '../../engine/data/rows.ts';
import { USER_LOGISTIC, USER_REGRESSION } from '../../engine/data/userModel.ts';
import { defaultParams, functionOf, getFunction } from '../../engine/functions/index.ts';
import type { Scene } from '../../engine/scene.ts';

/**
 * `scene` on the user's rows: the model their width asks for (x, y: a linear regression; x₁, x₂,
 * label: a logistic regression without bias), the default split and seed, B no larger than the
 * training set, and the view and start fitted to the rows. The optimizers and steps stay.
 */
export function sceneWithData(scene: Scene, rows: Examples, inputs: Inputs): Scene {
  const id = inputs === 1 ? USER_REGRESSION : USER_LOGISTIC;
  const defaults = defaultParams(getFunction(id)!);
  const nTrain = trainSize(rows.n, defaults['test']!);
  const params = { ...defaults, batch: Math.min(defaults['batch']!, nTrain) };
  const fn = { id, params, rows };
  const model = functionOf(fn)!;
  return { ...scene, fn, view: model.view, start: model.start };
}
