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
 * beside it (absent without a test set), and each step's rate. Numbers in JavaScript's shortest
 * round-trip form.
 */
export function* networkJsonChunks(
  scene: Scene,
  runs: Iterable<NetworkRun>,
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
    yield `,"lrs":[${run.lr.join(',')}],"diverged_at":${run.divergedAt}}`;
    r++;
  }
  yield '\n]}\n';
}

/** The same as CSV: a header, then `run,step,loss,lr` rows (and `test_loss` with a test set). */
export function* networkCsvChunks(runs: Iterable<NetworkRun>): Generator<string, void, undefined> {
  let r = 0;
  for (const run of runs) {
    const { loss, testLoss, lr } = run;
    if (r === 0) yield `run,step,loss,lr${testLoss ? ',test_loss' : ''}\n`;
    const lines: string[] = [];
    for (let k = 0; k < loss.length; k++) {
      // The rate of the step that led to the point; none for the start.
      const rate = k === 0 ? '' : String(lr[k - 1]);
      lines.push(`${r},${k},${loss[k]},${rate}${testLoss ? `,${testLoss[k]}` : ''}\n`);
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
