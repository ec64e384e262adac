import type { ContourField } from '../engine/field.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box } from '../engine/types.ts';
import type { FieldAnswer, FieldRequest } from './fieldProtocol.ts';
import { LatestClient, type WorkerFactory } from './latestClient.ts';

export type { WorkerFactory } from './latestClient.ts';

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./field.worker.ts', import.meta.url), { type: 'module' });

/**
 * The page's side of the field worker, latest request wins (see LatestClient). A superseded
 * answer is still drawn: layers draw a field at its own view. A 1024² field takes ~40 ms.
 */
export class FieldClient {
  readonly #client: LatestClient<FieldRequest, FieldAnswer>;

  constructor(createWorker: WorkerFactory = defaultWorker) {
    this.#client = new LatestClient(createWorker, 'contour');
  }

  /**
   * Asks for the field of `fn` over `view` on an n × n grid with `levels` iso-lines; a typed
   * function comes with its compiled `objective` source.
   */
  request(fn: Scene['fn'], view: Box, n: number, levels: number, objective?: string): void {
    this.#client.request((requestId) => ({
      type: 'field',
      requestId,
      fn,
      view,
      n,
      levels,
      objective,
    }));
  }

  /** Called with each field that arrives, newest last, and the worker's compute time. */
  onField(callback: (field: ContourField, ms: number) => void): void {
    this.#client.onAnswer((answer) => callback(answer.field, answer.ms));
  }

  /** Called when the newest request fails: bad input, or a worker that keeps crashing. */
  onError(callback: (message: string) => void): void {
    this.#client.onError(callback);
  }

  /** Stops the worker for good; nothing is reported afterwards. */
  dispose(): void {
    this.#client.dispose();
  }
}
