import { layoutOf, parameterNames } from '../engine/network/architecture.ts';
import { networkTraining } from '../engine/network/scene.ts';
import type { NetworkRun } from '../engine/network/train.ts';
import type { Scene } from '../engine/scene.ts';
import { examplesJsonChunks } from './dataFormats.ts';
import { networkJson } from './network.ts';

/**
 * A network scene's training as JSON: `{"network": {…}, "parameters": P, "runs": [{"label",
 * "type", "loss": [...], "test_loss": [...], "lrs": [...], "diverged_at"}]}` — the full-batch
 * training loss at each point (steps + 1 of them, fewer if the run diverged), the test loss
 * beside it (absent without a test set), and each step's rate; with `params`, `"params": [[θ…],
 * …]` too, the parameter vector at each point. Numbers in JavaScript's shortest round-trip form.
 */
export function* networkJsonChunks(
  scene: Scene,
  runs: Iterable<NetworkRun>,
  params = false,
): Generator<string, void, undefined> {
  const network = scene.network!;
  let r = 0;
  for (const run of runs) {
    if (r === 0) {
      yield `{"network":${JSON.stringify(networkJson(network, false))},"parameters":${run.count},"runs":[`;
    }
    const entry = scene.optimizers[r]!;
    yield `${r ? ',' : ''}\n{"label":${JSON.stringify(entry.label)},"type":"${entry.type}",`;
    yield `"loss":[${run.loss.join(',')}]`;
    if (run.testLoss) yield `,"test_loss":[${run.testLoss.join(',')}]`;
    yield `,"lrs":[${run.lr.join(',')}]`;
    if (params) {
      yield ',"params":[';
      for (let k = 0; k < run.loss.length; k++) yield `${k ? ',' : ''}\n[${pointParams(run, k)}]`;
      yield ']';
    }
    yield `,"diverged_at":${run.divergedAt}}`;
    r++;
  }
  yield '\n]}\n';
}

/** θ at point k of a run, comma-separated. */
const pointParams = (run: NetworkRun, k: number): string =>
  run.params.subarray(k * run.count, (k + 1) * run.count).join(',');

/**
 * The same as CSV: a header, then `run,step,loss,lr` rows (and `test_loss` with a test set; and
 * with `params`, `theta_0…` the parameter vector).
 */
export function* networkCsvChunks(
  runs: Iterable<NetworkRun>,
  params = false,
): Generator<string, void, undefined> {
  let r = 0;
  for (const run of runs) {
    const { loss, testLoss, lr } = run;
    if (r === 0) {
      const theta = params ? Array.from({ length: run.count }, (_, i) => `,theta_${i}`) : [];
      yield `run,step,loss,lr${testLoss ? ',test_loss' : ''}${theta.join('')}\n`;
    }
    const lines: string[] = [];
    for (let k = 0; k < loss.length; k++) {
      // The rate of the step that led to the point; none for the start.
      const rate = k === 0 ? '' : String(lr[k - 1]);
      const test = testLoss ? `,${testLoss[k]}` : '';
      lines.push(`${r},${k},${loss[k]},${rate}${test}${params ? `,${pointParams(run, k)}` : ''}\n`);
    }
    yield lines.join('');
    r++;
  }
}

/**
 * What `descent-lab data` prints of a network scene, so anyone can train the same network
 * elsewhere (tests/fixtures/torch-network/generate.py does, in PyTorch): `{"network": {…},
 * "parameters": {"names": ["0.weight", "0.bias", …], "sizes": [12, 6, …], "values": [θ₀…]},
 * "train": {"inputs": [[a, b], …], "targets": […]}, "test": {…}, "batches": [[i, …], …]}` — θ₀
 * flat in torch's named_parameters() order (each weight [out, in] row-major), batch k the
 * training-set indices step k + 1 averages over.
 */
export function* networkDataJsonChunks(scene: Scene): Generator<string, void, undefined> {
  const network = scene.network!;
  const training = networkTraining(scene, network);
  const { sizes, weight, bias } = layoutOf(network);
  const counts = weight.flatMap((w, l) => [bias[l]! - w, sizes[l + 1]!]);
  yield `{"network":${JSON.stringify(networkJson(network, false))},`;
  yield `\n"parameters":{"names":${JSON.stringify(parameterNames(network))},"sizes":[${counts.join(',')}],`;
  yield `"values":[${training.start.join(',')}]},`;
  yield* examplesJsonChunks(training.data, 2, training.order, scene.steps);
}
