import { networkTraining } from '../engine/network/scene.ts';
import { wasmForwardFor } from '../engine/network/wasm/fastNetwork.ts';
import type { Scene } from '../engine/scene.ts';

/**
 * Page → network worker and trainer, once, as the page starts them: the scene it opens on, whose
 * request follows when the page has mounted (≈ 300 ms into a fresh load).
 */
export interface PrepareNetwork {
  readonly type: 'prepare';
  readonly scene: Scene;
}

/**
 * Builds ahead of its request what a request for `scene` needs first: its training's setup (kept
 * by networkTraining) and its network's WebAssembly kernel (kept by wasmForwardFor). A scene that
 * cannot be set up is left for its request to report.
 */
export function prepareNetwork(scene: Scene): void {
  if (!scene.network) return;
  try {
    wasmForwardFor(networkTraining(scene, scene.network).arch);
  } catch {
    // The request says why.
  }
}
