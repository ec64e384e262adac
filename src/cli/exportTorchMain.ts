import { torchScript, TorchExportError } from '../export/torch/index.ts';
import type { ExportTorchCommand } from './args.ts';
import { typedTreesOf } from './compiler.ts';
import { UsageError } from './failure.ts';
import { sceneOf } from './input.ts';
import type { Io } from './main.ts';
import { writeOut } from './output.ts';

/** `descent-lab export-torch`: the scene as one self-contained PyTorch script (src/export/torch). */
export async function exportTorchCommand(
  command: ExportTorchCommand,
  io: Io,
  say: (line: string) => void,
): Promise<void> {
  const scene = await sceneOf(command.file, io.stdin, say);
  const typed = await typedTreesOf(scene.fn);
  let script: string;
  try {
    script = torchScript(scene, typed ? { typed } : {});
  } catch (e) {
    if (e instanceof TorchExportError) {
      throw new UsageError(`cannot export this scene to PyTorch: ${e.message}`);
    }
    throw e;
  }
  await writeOut([script], io.stdout);
}
