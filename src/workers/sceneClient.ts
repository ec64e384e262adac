import type { Scene } from '../engine/scene.ts';
import type { FromWorker, SceneResult, ToWorker } from './protocol.ts';

interface Pending {
  readonly resolve: (result: SceneResult) => void;
  readonly reject: (error: Error) => void;
}

/** Options of one computation. */
export interface ComputeOptions {
  /** Contour grid samples per side. */
  readonly gridSize?: number;
  /** Aborting rejects the promise; the worker's late answer is then ignored. */
  readonly signal?: AbortSignal;
}

const abortError = (reason: string): Error => new DOMException(reason, 'AbortError');

/**
 * The page's side of the scene worker. Only the newest request is honoured: a new `compute`
 * makes every older one stale (its promise rejects with an AbortError).
 */
export class SceneClient {
  readonly #worker: Worker;
  #runId = 0;
  readonly #pending = new Map<number, Pending>();

  constructor() {
    this.#worker = new Worker(new URL('./scene.worker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      const pending = this.#pending.get(msg.runId);
      if (!pending) return;
      this.#pending.delete(msg.runId);
      if (msg.type === 'result') pending.resolve(msg.result);
      else pending.reject(new Error(msg.message));
    });
    this.#worker.addEventListener('error', (event: ErrorEvent) => {
      // An uncaught error or a script that failed to load: report it, don't let it vanish.
      event.preventDefault();
      const detail = event.message || 'the worker script could not be loaded';
      this.#rejectAll(new Error(`The scene worker failed: ${detail}`));
    });
    this.#worker.addEventListener('messageerror', () => {
      this.#rejectAll(new Error('The scene worker sent a message the page could not read'));
    });
  }

  /** Simulates `scene` (or the preset's default) and computes its contours off the main thread. */
  compute(scene: Scene | 'default', options: ComputeOptions = {}): Promise<SceneResult> {
    const { gridSize = 256, signal } = options;
    if (signal?.aborted) return Promise.reject(abortError('Aborted'));
    this.#rejectAll(abortError('Superseded by a newer run'));
    const runId = ++this.#runId;
    return new Promise<SceneResult>((resolve, reject) => {
      this.#pending.set(runId, { resolve, reject });
      signal?.addEventListener(
        'abort',
        () => {
          if (this.#pending.delete(runId)) reject(abortError('Aborted'));
        },
        { once: true },
      );
      const msg: ToWorker = { type: 'compute', runId, scene, gridSize };
      this.#worker.postMessage(msg);
    });
  }

  /** Stops the worker; pending requests reject with an AbortError. */
  dispose(): void {
    this.#rejectAll(abortError('The scene client was disposed'));
    this.#worker.terminate();
  }

  #rejectAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
