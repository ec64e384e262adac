import { functionOf } from '../engine/functions/index.ts';
import { dataCsvChunks, dataJsonChunks } from '../preset/dataFormats.ts';
import { networkDataJsonChunks } from '../preset/networkFormats.ts';
import type { DataCommand } from './args.ts';
import { UsageError } from './failure.ts';
import { sceneOf } from './input.ts';
import type { Io } from './main.ts';
import { writeOut } from './output.ts';

/** `descent-lab data`: a loss made of data's examples and every step's batch (preset/dataFormats). */
export async function dataCommand(
  command: DataCommand,
  io: Io,
  say: (line: string) => void,
): Promise<void> {
  const scene = await sceneOf(command.file, io.stdin, say);
  if (scene.network) {
    if (command.format === 'csv') {
      throw new UsageError("a network scene's data is printed as JSON only (drop --format csv)");
    }
    await writeOut(networkDataJsonChunks(scene), io.stdout);
    return;
  }
  const spec = functionOf(scene.fn)?.data;
  if (!spec) {
    throw new UsageError(
      `the scene's function "${scene.fn.id}" is not made of data (try fn.id linear_regression, sparse_logistic or shifted_wells)`,
    );
  }
  const chunks =
    command.format === 'csv' ? dataCsvChunks(scene, spec) : dataJsonChunks(scene, spec);
  await writeOut(chunks, io.stdout);
}
