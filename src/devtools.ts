import { toPreset, type PresetJson } from './preset/index.ts';
import { presetScene, type SceneSync } from './state/persistence.ts';
import { selectScene, type LabStore } from './state/store.ts';

/** The lab's console and test handle: `descentLab.load(preset)`, `descentLab.preset()`. */
export interface DescentLabHandle {
  /**
   * Validates a version-1 preset and shows it; throws a PresetError naming the bad fields. A
   * typed function the compiler then refuses is replaced by Rosenbrock with a notice, as in a link.
   */
  load(preset: unknown): void;
  /** The scene on screen as a complete preset. */
  preset(): PresetJson;
}

declare global {
  interface Window {
    descentLab?: DescentLabHandle;
  }
}

/** The handle for `store`: a loaded preset goes through `sync` as a pasted link does. */
export function labHandle(store: LabStore, sync: SceneSync): DescentLabHandle {
  return {
    load: (preset) => sync.show(presetScene(preset)),
    preset: () => toPreset(selectScene(store.getState())),
  };
}

/** Puts the handle on `window`, for the console, scripts and benchmarks. */
export function exposeHandle(store: LabStore, sync: SceneSync): void {
  window.descentLab = labHandle(store, sync);
}
