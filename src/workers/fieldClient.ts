import type { ContourField } from '../engine/field.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box } from '../engine/types.ts';
import { listen } from './listen.ts';
import type { FieldAnswer, FieldRequest } from './fieldProtocol.ts';

/** Consecutive crashes after which the client stops retrying a request and reports it. */
const MAX_FAILURES = 3;
/** A worker silent this long while it owes an answer is taken to hang (a 1024² field takes ~40 ms). */
const HANG_MS = 10_000;

/** Makes the field worker; replaceable in tests. */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./field.worker.ts', import.meta.url), { type: 'module' });

/**
 * The page's side of the field worker. Latest wins: while one request is computing, a newer one
 * waits (only the newest; older waiting ones are dropped) and goes out when the answer arrives.
 * That answer is still handed on: it is newer than anything shown, and layers draw a field at its
 * own view. A worker that crashes or hangs is replaced and the newest request resent; after
 * MAX_FAILURES in a row the client reports an error until a later request succeeds.
 */
export class FieldClient {
  #worker: Worker | null = null;
  #nextId = 0;
  /** The request the worker is computing, or null when it is idle. */
  #inFlight: FieldRequest | null = null;
  /** The newest request, waiting for the worker to finish `#inFlight`. */
  #waiting: FieldRequest | null = null;
  #failures = 0;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #onField: (field: ContourField, ms: number) => void = () => {};
  #onError: (message: string) => void = () => {};

  constructor(private readonly createWorker: WorkerFactory = defaultWorker) {}

  /**
   * Asks for the field of `fn` over `view` on an n × n grid with `levels` iso-lines; a typed
   * function comes with its compiled `objective` source.
   */
  request(fn: Scene['fn'], view: Box, n: number, levels: number, objective?: string): void {
    const msg: FieldRequest = {
      type: 'field',
      requestId: ++this.#nextId,
      fn,
      view,
      n,
      levels,
      objective,
    };
    if (this.#inFlight) this.#waiting = msg;
    else this.#send(msg);
  }

  /** Called with each field that arrives, newest last, and the worker's compute time. */
  onField(callback: (field: ContourField, ms: number) => void): void {
    this.#onField = callback;
  }

  /** Called when the newest request fails: bad input, or a worker that keeps crashing. */
  onError(callback: (message: string) => void): void {
    this.#onError = callback;
  }

  /** Stops the worker for good; nothing is reported afterwards. */
  dispose(): void {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
    this.#inFlight = this.#waiting = null;
    this.#onField = () => {};
    this.#onError = () => {};
  }

  #send(msg: FieldRequest): void {
    this.#inFlight = msg;
    this.#waiting = null;
    this.#ensureWorker().postMessage(msg);
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => this.#crashed(`no answer for ${HANG_MS / 1000} s`), HANG_MS);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    this.#worker = listen<FieldAnswer>(
      this.createWorker(),
      (answer) => this.#receive(answer),
      (reason) => this.#crashed(reason),
    );
    return this.#worker;
  }

  #receive(msg: FieldAnswer): void {
    if (msg.requestId !== this.#inFlight?.requestId) return;
    clearTimeout(this.#watchdog);
    this.#inFlight = null;
    this.#failures = 0;
    const next = this.#waiting;
    if (next) this.#send(next);
    if (msg.type === 'field') this.#onField(msg.field, msg.ms);
    // An error for a superseded request says nothing about the newest one.
    else if (!next) this.#onError(msg.message);
  }

  #crashed(reason: string): void {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
    const newest = this.#waiting ?? this.#inFlight;
    this.#inFlight = this.#waiting = null;
    if (++this.#failures >= MAX_FAILURES) {
      this.#onError(`The contour worker keeps failing (${reason}).`);
      return;
    }
    if (newest) this.#send(newest);
  }
}
