import type { BoundaryFrame } from '../engine/network/boundaryFrame.ts';
import type { NetworkScene } from '../engine/network/scene.ts';
import type { BoundaryAnswer, BoundaryRequest } from './boundaryProtocol.ts';
import { LatestClient, type WorkerFactory } from './latestClient.ts';

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./boundary.worker.ts', import.meta.url), { type: 'module' });

/** What asks for decision-boundary frames: the page's BoundaryFrames takes any such client. */
export interface BoundaryRequester {
  request(network: NetworkScene, thetas: readonly Float64Array[]): void;
}

/**
 * The page's side of the boundary worker: latest request wins (LatestClient), so a playback or a
 * drag asks for many steps and the worker computes the newest when it is free. Frames come back
 * keyed by the page's own θ arrays (the worker gets copies).
 */
export class BoundaryClient implements BoundaryRequester {
  readonly #client: LatestClient<BoundaryRequest, BoundaryAnswer>;
  /** What each unanswered request asked for: the page's network object and θ arrays. */
  readonly #asked = new Map<number, { network: NetworkScene; thetas: readonly Float64Array[] }>();

  constructor(createWorker: WorkerFactory = defaultWorker) {
    this.#client = new LatestClient(createWorker, 'decision-boundary');
  }

  /** Asks for the frame of each θ of `network` (a view into a run is copied: only θ is sent). */
  request(network: NetworkScene, thetas: readonly Float64Array[]): void {
    this.#client.request((requestId) => {
      this.#asked.set(requestId, { network, thetas });
      return { type: 'frames', requestId, network, thetas: thetas.map((t) => t.slice()) };
    });
  }

  /** Called with each answer, newest last: the network and θs asked for, and their frames. */
  onFrames(
    callback: (
      network: NetworkScene,
      thetas: readonly Float64Array[],
      frames: readonly BoundaryFrame[],
    ) => void,
  ): void {
    this.#client.onAnswer(({ requestId, frames }) => {
      const asked = this.#asked.get(requestId);
      // Requests up to this one are answered or were dropped as superseded.
      for (const id of this.#asked.keys()) if (id <= requestId) this.#asked.delete(id);
      if (asked) callback(asked.network, asked.thetas, frames);
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
