import { listen } from './listen.ts';

/**
 * One worker that owes answers, watched: made on first use, its messages handed to `onMessage`.
 * A crash, or silence for `hangMs` while an answer is owed, terminates it and calls `onFail` with
 * the reason and the failures in a row; the owner decides whether to resend (the next `send`
 * makes a fresh worker). Shared by the clients that stream several answers per request.
 */
export class WatchedWorker<Answer, Request> {
  #worker: Worker | null = null;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;

  constructor(
    private readonly create: () => Worker,
    private readonly hangMs: number,
    private readonly onMessage: (answer: Answer) => void,
    private readonly onFail: (reason: string, failures: number) => void,
  ) {}

  /** Posts `request` (making the worker if there is none): an answer is owed from now. */
  send(request: Request, transfer: Transferable[] = []): void {
    this.#worker ??= listen<Answer>(this.create(), this.onMessage, (reason) => this.#fail(reason));
    this.#worker.postMessage(request, transfer);
    this.arm();
  }

  /** Posts `message` to the worker, if there is one, owing nothing (a cancel). */
  post(message: Request, transfer: Transferable[] = []): void {
    this.#worker?.postMessage(message, transfer);
  }

  /** (Re)starts the hang watchdog: an answer is owed (call on each message that is not the last). */
  arm(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(
      () => this.#fail(`no answer for ${this.hangMs / 1000} s`),
      this.hangMs,
    );
  }

  /** Nothing is owed any more; `answered` (a complete answer) ends a run of failures. */
  settle(answered: boolean): void {
    clearTimeout(this.#watchdog);
    if (answered) this.#failures = 0;
  }

  /** Stops the worker; a later `send` makes a new one. */
  terminate(): void {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
  }

  #fail(reason: string): void {
    this.terminate();
    this.onFail(reason, ++this.#failures);
  }
}
