import { parsePreset, PresetError, toPreset, type PresetJson } from './preset/index.ts';
import { selectScene, type LabStore } from './state/store.ts';

/** The lab's console and test handle: `descentLab.load(preset)`, `descentLab.preset()`. */
export interface DescentLabHandle {
  /** Validates a version-1 preset and shows it; throws a PresetError naming the bad fields. */
  load(preset: unknown): void;
  /** The scene on screen as a complete preset. */
  preset(): PresetJson;
}

declare global {
  interface Window {
    descentLab?: DescentLabHandle;
  }
}

/** Puts the handle on `window`, for the console, scripts and benchmarks. */
export function exposeHandle(store: LabStore): void {
  window.descentLab = {
    load(preset) {
      const result = parsePreset(preset);
      if (!result.ok) throw new PresetError(result.errors);
      store.getState().actions.loadScene(result.scene);
    },
    preset: () => toPreset(selectScene(store.getState())),
  };
}
