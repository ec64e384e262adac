import { sampleGrid } from '../engine/field.ts';
import {
  planeOfRuns,
  projectRun,
  viewOfRuns,
  type PlaneKind,
} from '../engine/network/landscape.ts';
import { Network } from '../engine/network/model.ts';
import {
  networkTraining,
  sliceExamples,
  sliceOf,
  type SliceLoss,
} from '../engine/network/scene.ts';
import { lineLosses, lineTs, PlaneLoss } from '../engine/network/slice.ts';
import { trainNetwork, type NetworkRun } from '../engine/network/train.ts';
import type { Scene } from '../engine/scene.ts';
import { lineJsonChunks } from '../preset/lineFormat.ts';
import { UsageError } from './failure.ts';
import { sceneOf } from './input.ts';
import type { Io } from './main.ts';
import { writeOut } from './output.ts';
import type { SliceCommand } from './sliceArgs.ts';

/** `descent-lab slice`: the training loss on one plane of a network scene, its paths projected. */
export async function sliceCommand(
  command: SliceCommand,
  io: Io,
  say: (line: string) => void,
): Promise<void> {
  const scene = await sceneOf(command.file, io.stdin, say);
  if (!scene.network) {
    throw new UsageError('slice needs a scene with a network (the preset field network)');
  }
  // The scene's slice (preset field network.slice) unless a flag says otherwise.
  const slice = sliceOf(scene.network);
  const plane = command.plane ?? slice.plane;
  const run = command.run ?? (plane === 'line' ? 0 : slice.run);
  const count = scene.optimizers.length;
  for (const [name, k] of [
    ['--run', run],
    ...(plane === 'line' ? ([['--to', command.to]] as const) : []),
  ] as const) {
    if (k >= count) {
      throw new UsageError(`${name} must be below the scene's ${count} optimizers, got ${k}`);
    }
  }
  const loss = command.loss ?? slice.loss;
  if (loss === 'test' && networkTraining(scene, scene.network).data.test.n === 0) {
    throw new UsageError('--loss test needs a test split (network.params.test above 0)');
  }
  await writeOut(
    plane === 'line'
      ? lineJson(scene, run, command)
      : sliceJsonChunks(scene, plane, run, loss, command.grid),
    io.stdout,
  );
}

/** The losses along the line between two runs' last points (see SLICE_USAGE). */
function lineJson(
  scene: Scene,
  from: number,
  command: SliceCommand,
): Generator<string, void, undefined> {
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);
  const ts = lineTs(command.grid);
  const net = new Network(training.arch);
  const [a, b] = [runs[from]!, runs[command.to]!].map(lastPoint) as [Float64Array, Float64Array];
  const { train, test } = training.data;
  return lineJsonChunks(
    from,
    command.to,
    ts,
    lineLosses(net, train, a, b, ts),
    test.n > 0 ? lineLosses(net, test, a, b, ts) : null,
  );
}

/** A run's last parameter vector. */
const lastPoint = (run: NetworkRun): Float64Array =>
  run.params.subarray((run.loss.length - 1) * run.count, run.loss.length * run.count);

/**
 * slice's JSON (see SLICE_USAGE), a part at a time: the training loss on the plane through run
 * `through` (a random one's), and with `loss` test the test loss too.
 */
function* sliceJsonChunks(
  scene: Scene,
  kind: PlaneKind,
  through: number,
  loss: SliceLoss,
  n: number,
): Generator<string, void, undefined> {
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);
  const { plane, explained } = planeOfRuns(kind, training.arch, runs, through);
  const projections = runs.map((run) => projectRun(plane, run));
  const view = viewOfRuns(kind, projections);
  const net = new Network(training.arch);
  yield `{"plane":"${kind}","explained":${explained ? `[${explained.join(',')}]` : 'null'},`;
  yield `"view":{"x":[${view.x.join(',')}],"y":[${view.y.join(',')}]},"grid":${n}`;
  for (const which of loss === 'test' ? (['train', 'test'] as const) : (['train'] as const)) {
    const values = sampleGrid(new PlaneLoss(net, sliceExamples(training, which), plane), view, n);
    yield `,\n"${which}_loss":[`;
    for (let j = 0; j < n; j++)
      yield `${j ? ',' : ''}\n[${values.subarray(j * n, (j + 1) * n).join(',')}]`;
    yield ']';
  }
  yield ',\n"runs":[';
  for (const [k, p] of projections.entries()) {
    yield `${k ? ',' : ''}\n{"label":${JSON.stringify(scene.optimizers[k]!.label)},`;
    yield `"alpha":[${p.alpha.join(',')}],"beta":[${p.beta.join(',')}],"distance":[${p.distance.join(',')}]}`;
  }
  yield '\n]}\n';
}
