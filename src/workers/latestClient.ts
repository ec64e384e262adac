import { listen } from './listen.ts';

/** Consecutive crashes after which the client stops retrying a request and reports it. */
const MAX_FAILURES = 3;
/** A worker silent this long while it owes an answer is taken to hang. */
const HANG_MS = 10_000;

/** Makes a worker; replaceable in tests. */
export type WorkerFactory = () => Worker;

/** Every request names itself; the answer carries the name back. */
export interface Tagged {
  readonly requestId: number;
}

/** A worker's failure to answer a request. */
export interface ErrorAnswer extends Tagged {
  readonly type: 'error';
  readonly message: string;
}

/**
 * The page's side of a worker that answers one request at a time. Latest wins: while one request
 * is computing, a newer one waits (only the newest; older waiting ones are dropped) and goes out
 * when the answer arrives. That answer is still handed on: it is newer than anything shown. A
 * worker that crashes or hangs is replaced and the newest request resent; after MAX_FAILURES in a
 * row the client reports an error until a later request succeeds.
 */
export class LatestClient<
  Request extends Tagged,
  Answer extends Tagged & { readonly type: string },
> {
  #worker: Worker | null = null;
  #nextId = 0;
  /** The request the worker is computing, or null when it is idle. */
  #inFlight: Request | null = null;
  /** The newest request, waiting for the worker to finish `#inFlight`. */
  #waiting: Request | null = null;
  #failures = 0;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #onAnswer: (answer: Exclude<Answer, ErrorAnswer>) => void = () => {};
  #onError: (message: string) => void = () => {};

  constructor(
    private readonly createWorker: WorkerFactory,
    /** What the worker computes, for messages: "contour", "inspect". */
    private readonly what: string,
  ) {}

  /** Sends (or queues as the newest) the request `make` builds with a fresh id. */
  request(make: (requestId: number) => Request): void {
    const msg = make(++this.#nextId);
    if (this.#inFlight) this.#waiting = msg;
    else this.#send(msg);
  }

  /** Called with each successful answer, newest last. */
  onAnswer(callback: (answer: Exclude<Answer, ErrorAnswer>) => void): void {
    this.#onAnswer = callback;
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
    this.#onAnswer = () => {};
    this.#onError = () => {};
  }

  #send(msg: Request): void {
    this.#inFlight = msg;
    this.#waiting = null;
    this.#ensureWorker().postMessage(msg);
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => this.#crashed(`no answer for ${HANG_MS / 1000} s`), HANG_MS);
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    this.#worker = listen<Answer | ErrorAnswer>(
      this.createWorker(),
      (answer) => this.#receive(answer),
      (reason) => this.#crashed(reason),
    );
    return this.#worker;
  }

  #receive(msg: Answer | ErrorAnswer): void {
    if (msg.requestId !== this.#inFlight?.requestId) return;
    clearTimeout(this.#watchdog);
    this.#inFlight = null;
    this.#failures = 0;
    const next = this.#waiting;
    if (next) this.#send(next);
    if (msg.type !== 'error') this.#onAnswer(msg as Exclude<Answer, ErrorAnswer>);
    // An error for a superseded request says nothing about the newest one.
    else if (!next) this.#onError((msg as ErrorAnswer).message);
  }

  #crashed(reason: string): void {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
    const newest = this.#waiting ?? this.#inFlight;
    this.#inFlight = this.#waiting = null;
    if (++this.#failures >= MAX_FAILURES) {
      this.#onError(`The ${this.what} worker keeps failing (${reason}).`);
      return;
    }
    if (newest) this.#send(newest);
  }
}
