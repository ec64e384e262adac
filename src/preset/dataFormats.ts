import type { BatchOrder } from '../engine/data/batches.ts';
import type { Dataset, Examples } from '../engine/data/examples.ts';
import type { Scene } from '../engine/scene.ts';
import type { DataSpec } from '../engine/types.ts';

/**
 * What `descent-lab data` prints of a loss made of data: its examples and every step's batch, so
 * anyone can train on exactly these elsewhere (scripts/torch_data_reference.py does, in PyTorch).
 * JSON: `{"model","loss","train":{"inputs":[[a(,b)],...],"targets":[...]},"test":{...},
 * "batches":[[i,...],...]}`, batch k being the training-set indices step k + 1 averages over.
 * CSV: `set,index,a(,b),t,step` rows, one per example (set train or test, step empty) and one per
 * example of each step's batch (set batch, index into the training set, step 1-based).
 */
export function* dataJsonChunks(scene: Scene, spec: DataSpec): Generator<string, void, undefined> {
  yield `{"model":${JSON.stringify(spec.model)},"loss":${JSON.stringify(spec.loss)},`;
  const data = spec.dataset(scene.fn.params);
  yield* examplesJsonChunks(
    data,
    spec.inputs,
    spec.batches(scene.fn.params, scene.noise.seed),
    scene.steps,
  );
}

/**
 * The `"train"`, `"test"` and `"batches"` members of a data set and its first `steps` batches, and
 * the closing brace: dataJsonChunks' body, and the network's (networkFormats.ts).
 */
export function* examplesJsonChunks(
  { train, test }: Dataset,
  inputs: 1 | 2,
  order: BatchOrder,
  steps: number,
): Generator<string, void, undefined> {
  const examples = (ex: Examples) => {
    const rows = Array.from({ length: ex.n }, (_, i) =>
      inputs === 1 ? `[${ex.a[i]}]` : `[${ex.a[i]},${ex.b[i]}]`,
    );
    return `{"inputs":[${rows.join(',')}],"targets":[${Array.from(ex.t).join(',')}]}`;
  };
  yield `\n"train":${examples(train)},\n"test":${examples(test)},\n"batches":[`;
  for (let k = 0; k < steps; k++) yield `${k ? ',' : ''}\n[${order.indices(k).join(',')}]`;
  yield '\n]}\n';
}

/** dataJsonChunks' content as CSV rows (see there). */
export function* dataCsvChunks(scene: Scene, spec: DataSpec): Generator<string, void, undefined> {
  const { train, test } = spec.dataset(scene.fn.params);
  const order = spec.batches(scene.fn.params, scene.noise.seed);
  const two = spec.inputs === 2;
  yield `set,index,a,${two ? 'b,' : ''}t,step\n`;
  for (const [name, ex] of [
    ['train', train],
    ['test', test],
  ] as const) {
    let chunk = '';
    for (let i = 0; i < ex.n; i++)
      chunk += `${name},${i},${ex.a[i]},${two ? `${ex.b[i]},` : ''}${ex.t[i]},\n`;
    yield chunk;
  }
  const empty = two ? ',,,,' : ',,,';
  for (let k = 0; k < scene.steps; k++) {
    yield order
      .indices(k)
      .map((i) => `batch,${i}${empty}${k + 1}\n`)
      .join('');
  }
}
