import { listen } from './listen.ts';
import type { CompileAnswer, CompileRequest, CompileResult } from './compileProtocol.ts';

/** No typed function may keep the compiler busy longer than this once mathjs is loaded. */
export const WATCHDOG_MS = 1_000;
/** The first answer may take longer: the worker loads mathjs first (80–400 ms measured, more on a slow device). */
export const FIRST_WATCHDOG_MS = 10_000;
/** Results kept, by text: typing back and forth, and the pipeline, ask for the same ones. */
const CACHE_SIZE = 64;

/** Makes the compile worker; replaceable in tests. */
export type WorkerFactory = () => Worker;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./compile.worker.ts', import.meta.url), { type: 'module' });

interface Pending {
  readonly request: CompileRequest;
  readonly resolve: (result: CompileResult) => void;
}

/**
 * The page's side of the compile worker. Requests are answered in order; a request the worker
 * does not answer within the watchdog (1 s; 10 s while mathjs first loads) is refused as too
 * slow, and the hung worker is terminated and replaced for the requests behind it. Never rejects.
 */
export class CompileClient {
  #worker: Worker | null = null;
  #nextId = 0;
  #warm = false;
  readonly #queue: Pending[] = [];
  readonly #cache = new Map<string, Promise<CompileResult>>();
  #watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly createWorker: WorkerFactory = defaultWorker) {}

  /** Compiles `text` (or gives the cached result). */
  compile(text: string): Promise<CompileResult> {
    const cached = this.#cache.get(text);
    if (cached) return cached;
    const result = new Promise<CompileResult>((resolve) => {
      const request: CompileRequest = { type: 'compile', requestId: ++this.#nextId, text };
      this.#queue.push({ request, resolve });
      if (this.#queue.length === 1) this.#send();
    });
    this.#cache.set(text, result);
    if (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    return result;
  }

  /** Stops the worker for good; waiting requests are refused. */
  dispose(): void {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of this.#queue.splice(0)) p.resolve(refusal('the compiler was stopped'));
  }

  #send(): void {
    const head = this.#queue[0];
    if (!head) return;
    this.#ensureWorker().postMessage(head.request);
    const ms = this.#warm ? WATCHDOG_MS : FIRST_WATCHDOG_MS;
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(
      () => this.#fail(`took longer than ${ms / 1000} s to compile: refused`),
      ms,
    );
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    // A fresh worker loads mathjs again before its first answer.
    this.#warm = false;
    this.#worker = listen<CompileAnswer>(
      this.createWorker(),
      (answer) => this.#receive(answer),
      (reason) => this.#fail(reason),
      'the compiler could not be loaded',
    );
    return this.#worker;
  }

  #receive(answer: CompileAnswer): void {
    const head = this.#queue[0];
    if (!head || answer.requestId !== head.request.requestId) return;
    clearTimeout(this.#watchdog);
    this.#warm = true;
    this.#queue.shift();
    head.resolve(
      answer.ok
        ? {
            ok: true,
            source: answer.source,
            gradient: answer.gradient,
            f: answer.f,
            dx: answer.dx,
            dy: answer.dy,
          }
        : { ok: false, message: answer.message, column: answer.column },
    );
    this.#send();
  }

  /** The worker hung or crashed on the head request: refuse it, replace the worker, go on. */
  #fail(reason: string): void {
    clearTimeout(this.#watchdog);
    this.#worker?.terminate();
    this.#worker = null;
    const head = this.#queue.shift();
    if (head) {
      // A hang or crash is not a verdict on the text: asking again tries again.
      this.#cache.delete(head.request.text);
      head.resolve(refusal(reason));
    }
    this.#send();
  }
}

const refusal = (message: string): CompileResult => ({ ok: false, message, column: null });
