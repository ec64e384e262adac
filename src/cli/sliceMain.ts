import { sampleGrid } from '../engine/field.ts';
import {
  checkRunsPlane,
  planeOfRuns,
  projectRun,
  viewOfRuns,
  type PlaneKind,
  type RunProjection,
  type RunsPlane,
} from '../engine/network/landscape.ts';
import { fastNetwork } from '../engine/network/wasm/fastNetwork.ts';
import {
  networkTraining,
  sliceExamples,
  sliceOf,
  type SliceLoss,
} from '../engine/network/scene.ts';
import { lineLosses, lineTs, PlaneLoss } from '../engine/network/slice.ts';
import { trainNetwork, type NetworkRun, type NetworkTraining } from '../engine/network/train.ts';
import type { Box } from '../engine/types.ts';
import type { Scene } from '../engine/scene.ts';
import { jsonNumbers } from '../preset/jsonNumber.ts';
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
      : sliceJsonChunks(scene, planeOfScene(scene, plane, run), loss, command.grid),
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
  const net = fastNetwork(training.arch);
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

/** A network scene's runs, trained, and their plane through run `through` (a random one's). */
interface ScenePlane {
  readonly training: NetworkTraining;
  readonly runsPlane: RunsPlane;
  readonly projections: readonly RunProjection[];
  readonly view: Box;
}

/**
 * Trains the scene's runs and takes their plane; refuses (UsageError, before anything is printed)
 * a plane that is not finite, as the page does (checkRunsPlane): NaN or ∞ is not JSON.
 */
function planeOfScene(scene: Scene, kind: PlaneKind, through: number): ScenePlane {
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);
  const runsPlane = planeOfRuns(kind, training.arch, runs, through);
  const projections = runs.map((run) => projectRun(runsPlane.plane, run));
  const view = viewOfRuns(kind, projections);
  try {
    checkRunsPlane(runsPlane, projections, view);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  return { training, runsPlane, projections, view };
}

/**
 * slice's JSON (see SLICE_USAGE), a part at a time: the training loss on the scene's plane, and
 * with `loss` test the test loss too; a cell where the loss is not finite is null.
 */
function* sliceJsonChunks(
  scene: Scene,
  { training, runsPlane: { kind, plane, explained }, projections, view }: ScenePlane,
  loss: SliceLoss,
  n: number,
): Generator<string, void, undefined> {
  const net = fastNetwork(training.arch);
  yield `{"plane":"${kind}","explained":${explained ? `[${explained.join(',')}]` : 'null'},`;
  yield `"view":{"x":[${view.x.join(',')}],"y":[${view.y.join(',')}]},"grid":${n}`;
  for (const which of loss === 'test' ? (['train', 'test'] as const) : (['train'] as const)) {
    const values = sampleGrid(new PlaneLoss(net, sliceExamples(training, which), plane), view, n);
    yield `,\n"${which}_loss":[`;
    for (let j = 0; j < n; j++)
      yield `${j ? ',' : ''}\n[${jsonNumbers(values.subarray(j * n, (j + 1) * n))}]`;
    yield ']';
  }
  yield ',\n"runs":[';
  for (const [k, p] of projections.entries()) {
    yield `${k ? ',' : ''}\n{"label":${JSON.stringify(scene.optimizers[k]!.label)},`;
    yield `"alpha":[${p.alpha.join(',')}],"beta":[${p.beta.join(',')}],"distance":[${p.distance.join(',')}]}`;
  }
  yield '\n]}\n';
}
