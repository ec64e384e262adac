import { computeField, type ContourField } from '../engine/field.ts';
import type { Box, Objective } from '../engine/types.ts';
import { answerOf } from './answer.ts';
import type { FieldAnswer, FieldRequest } from './fieldProtocol.ts';
import type { ErrorAnswer } from './latestClient.ts';
import { Objectives } from './objective.ts';

/** What the service needs from its worker; tests pass fakes. */
export interface FieldHost {
  /** Sends an answer to the page, transferring the listed buffers. */
  post(answer: FieldAnswer | ErrorAnswer, transfer: Transferable[]): void;
  /** Runs `task` in a later task of the worker's event loop, behind any message already queued. */
  later(task: () => void): void;
}

/** The field kernel; tests pass a counting one. */
export type FieldKernel = typeof computeField;

/** How much warm-up a fresh worker does once its first field is out. */
export interface WarmUp {
  /** Fields computed, one per task. */
  readonly fields: number;
  /** Their grid size per side: small, so that a real request waits at most one of them. */
  readonly n: number;
}

/**
 * A fresh worker runs the kernel in V8's interpreter and baseline tiers until it is hot: its first
 * 512² field took 60–140 ms and the next ones up to 35 ms, against ~10 ms once optimised. So after
 * its first field, while the page shows it, the worker computes small fields of the same function
 * and view, each in a task of its own. 100 fields of 48² (about one 512² field of work in all) is
 * what it took, in Node's V8 without background compiling, for isolines, the costliest part, to
 * reach TurboFan; 40 left it in the baseline tier. Each takes ~0.2–3 ms, so a user's zoom waits
 * at most that long for the one in progress.
 */
export const WARM_UP: WarmUp = { fields: 100, n: 48 };

/**
 * The field worker's logic, without the worker: answers each request at once, and warms the kernel
 * up in idle time. The client sends at most one request at a time, so none go stale here.
 */
export class FieldService {
  /** This worker's objectives: the last typed function is kept across requests. */
  readonly #objectives = new Objectives();
  /** The samples of the last field, reused: a fresh 2 MB array per view kept the GC busy. */
  #scratch = new Float64Array(0);
  /** The warm-up's own samples, so that it never drops the real field's 2 MB array. */
  readonly #warmScratch: Float64Array;
  #warmLeft: number;
  /** What the warm-up computes: the function, view and levels of the newest real field. */
  #warmWith: { objective: Objective; view: Box; levels: number } | null = null;
  #scheduled = false;

  constructor(
    private readonly host: FieldHost,
    private readonly warmUp: WarmUp = WARM_UP,
    private readonly kernel: FieldKernel = computeField,
  ) {
    this.#warmLeft = warmUp.fields;
    this.#warmScratch = new Float64Array(warmUp.n * warmUp.n);
  }

  /** Computes and posts the field `request` asks for, then resumes the warm-up if any is left. */
  request(request: FieldRequest): void {
    const { requestId, fn, view, n, levels, objective: source } = request;
    const [answer, transfer] = answerOf<FieldAnswer>(requestId, () => {
      const t0 = performance.now();
      const objective = this.#objectives.for(fn, source);
      if (this.#scratch.length !== n * n) this.#scratch = new Float64Array(n * n);
      const field = this.kernel(objective, view, n, levels, this.#scratch);
      this.#warmWith = { objective, view, levels };
      return {
        answer: { type: 'field', requestId, field, ms: performance.now() - t0 },
        transfer: buffersOf(field),
      };
    });
    this.host.post(answer, transfer);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#warmLeft <= 0 || !this.#warmWith) return;
    this.#scheduled = true;
    this.host.later(this.#step);
  }

  /** One warm-up field; its result is dropped. */
  readonly #step = (): void => {
    this.#scheduled = false;
    const warm = this.#warmWith;
    if (!warm || this.#warmLeft <= 0) return;
    const k = this.#warmLeft--;
    try {
      this.kernel(
        warm.objective,
        nudged(warm.view, k),
        this.warmUp.n,
        warm.levels,
        this.#warmScratch,
      );
    } catch {
      // A view where f is nowhere finite at this resolution: nothing to warm up with.
      this.#warmLeft = 0;
      return;
    }
    this.#schedule();
  };
}

/**
 * Every other warm-up field is over `view` moved by a thousandth of its width: arrays of whole
 * numbers (the default views) and of fractions have different shapes in V8, and a kernel optimised
 * for one shape alone is thrown away at the first zoom that brings the other.
 */
const nudged = (view: Box, k: number): Box => {
  if (k % 2 === 0) return view;
  const dx = (view.x[1] - view.x[0]) / 1000;
  const dy = (view.y[1] - view.y[0]) / 1000;
  return { x: [view.x[0] + dx, view.x[1] + dx], y: [view.y[0] + dy, view.y[1] + dy] };
};

/** The buffers of a field, each once: they are transferred, not copied. */
export const buffersOf = (field: ContourField): ArrayBuffer[] => [
  ...new Set([field.levels.buffer, field.bands.buffer, ...field.lines.map((l) => l.buffer)]),
];

/**
 * A `later` for a worker: each task runs in a task of its own, posted through a channel. A chain
 * of setTimeout(0) is clamped to 4 ms a step after five, which would stretch the warm-up past a
 * user's first zoom; a request posted meanwhile is queued before the next step and runs first.
 */
export function channelLater(): FieldHost['later'] {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}
