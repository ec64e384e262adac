import type { Inspection } from '../engine/inspect.ts';
import type { Scene } from '../engine/scene.ts';
import type { InspectAnswer, InspectRequest } from './inspectProtocol.ts';
import { LatestClient, type WorkerFactory } from './latestClient.ts';

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module' });

/** One optimizer's recorded run, and the scene and index it belongs to. */
export interface InspectResult {
  readonly scene: Scene;
  readonly index: number;
  readonly inspection: Inspection;
}

/** The page's side of the inspect worker: latest request wins (see LatestClient). */
export class InspectClient {
  readonly #client: LatestClient<InspectRequest, InspectAnswer>;
  /** What each unanswered request asked for: the page's own scene object, not the worker's copy. */
  readonly #asked = new Map<number, { scene: Scene; index: number }>();

  constructor(createWorker: WorkerFactory = defaultWorker) {
    this.#client = new LatestClient(createWorker, 'inspect');
  }

  /** Asks for every step of optimizer `index` of `scene`; a typed function comes compiled. */
  request(scene: Scene, index: number, objective?: string): void {
    this.#client.request((requestId) => {
      this.#asked.set(requestId, { scene, index });
      return { type: 'inspect', requestId, scene, index, objective };
    });
  }

  /** Called with each recorded run that arrives, newest last. */
  onResult(callback: (result: InspectResult) => void): void {
    this.#client.onAnswer(({ requestId, inspection }) => {
      const asked = this.#asked.get(requestId);
      // Requests up to this one are answered or were dropped as superseded.
      for (const id of this.#asked.keys()) if (id <= requestId) this.#asked.delete(id);
      if (asked) callback({ ...asked, inspection });
    });
  }

  /** Called when the newest request fails. */
  onError(callback: (message: string) => void): void {
    this.#client.onError(callback);
  }

  /** Stops the worker for good. */
  dispose(): void {
    this.#client.dispose();
  }
}
