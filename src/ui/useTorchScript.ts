import { CUSTOM_ID } from '../engine/expr/custom.ts';
import { torchScript, TorchExportError } from '../export/torch/index.ts';
import { selectScene } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';
import { useCompiler } from './compiler.ts';
import { exportBase } from './landscapeExport.ts';

/** A PyTorch script of the scene and the name to save it under. */
export interface TorchFile {
  readonly text: string;
  readonly name: string;
}

/**
 * Writes the scene on screen as a PyTorch script (src/export/torch: the text `descent-lab
 * export-torch` writes). A typed function is written from the tree the compile worker checked,
 * as the command line writes it from the same compiler; a refusal throws TorchExportError.
 */
export function useTorchScript(): () => Promise<TorchFile> {
  const store = useLabStore();
  const compiler = useCompiler();
  return async () => {
    const scene = selectScene(store.getState());
    let typed;
    if (scene.fn.id === CUSTOM_ID) {
      const compiled = await compiler.compile(scene.fn.expr ?? '');
      if (!compiled.ok) {
        throw new TorchExportError(`the typed function is refused: ${compiled.message}`);
      }
      typed = { f: compiled.f, dx: compiled.dx, dy: compiled.dy };
    }
    const text = torchScript(scene, typed ? { typed } : {});
    return { text, name: `${exportBase(store)}.py` };
  };
}
