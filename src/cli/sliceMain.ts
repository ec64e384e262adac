import { sampleGrid } from '../engine/field.ts';
import { planeOfRuns, projectRun, viewOfRuns } from '../engine/network/landscape.ts';
import { Network } from '../engine/network/model.ts';
import { networkTraining } from '../engine/network/scene.ts';
import { PlaneLoss } from '../engine/network/slice.ts';
import { trainNetwork } from '../engine/network/train.ts';
import type { Scene } from '../engine/scene.ts';
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
  if (command.run >= scene.optimizers.length) {
    throw new UsageError(
      `--run must be below the scene's ${scene.optimizers.length} optimizers, got ${command.run}`,
    );
  }
  await writeOut(sliceJsonChunks(scene, command), io.stdout);
}

/** slice's JSON (see SLICE_USAGE), a part at a time. */
function* sliceJsonChunks(scene: Scene, command: SliceCommand): Generator<string, void, undefined> {
  const training = networkTraining(scene, scene.network!);
  const runs = trainNetwork(training);
  const { plane, explained } = planeOfRuns(command.plane, training.arch, runs, command.run);
  const projections = runs.map((run) => projectRun(plane, run));
  const view = viewOfRuns(command.plane, projections);
  const n = command.grid;
  const loss = sampleGrid(
    new PlaneLoss(new Network(training.arch), training.data.train, plane),
    view,
    n,
  );
  yield `{"plane":"${command.plane}","explained":${explained ? `[${explained.join(',')}]` : 'null'},`;
  yield `"view":{"x":[${view.x.join(',')}],"y":[${view.y.join(',')}]},"grid":${n},\n"train_loss":[`;
  for (let j = 0; j < n; j++)
    yield `${j ? ',' : ''}\n[${loss.subarray(j * n, (j + 1) * n).join(',')}]`;
  yield '],\n"runs":[';
  for (const [k, p] of projections.entries()) {
    yield `${k ? ',' : ''}\n{"label":${JSON.stringify(scene.optimizers[k]!.label)},`;
    yield `"alpha":[${p.alpha.join(',')}],"beta":[${p.beta.join(',')}],"distance":[${p.distance.join(',')}]}`;
  }
  yield '\n]}\n';
}
