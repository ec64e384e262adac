import type { Scene } from '../engine/scene.ts';
import {
  cellCount,
  columnsFit,
  createColumns,
  levelsOf,
  planOf,
  runsOf,
} from '../engine/sweep/index.ts';
import type { SweepColumns, SweepPlan } from '../engine/sweep/types.ts';
import { Feed } from './feed.ts';
import type { WorkerFactory } from './latestClient.ts';
import { listen } from './listen.ts';
import { scatterCells } from './sweepColumns.ts';
import { PartQueue, type Part } from './sweepParts.ts';
import type { FromSweepWorker, ToSweepWorker } from './sweepProtocol.ts';

/** A sweep to compute: the plan always comes from the scene's open view (planOf). */
export interface SweepRequest {
  readonly scene: Scene;
  /** For a typed function: its compiled source, as in SimulateRequest. */
  readonly objective?: string;
}

/** Where the newest sweep stands; a new object after every part, its arrays filled in place. */
export interface SweepProgress {
  readonly id: number;
  readonly scene: Scene;
  /** The plan, built on the page too (without the objective). */
  readonly plan: SweepPlan;
  /** Filled in place as parts arrive. */
  readonly columns: SweepColumns;
  /** Per cell: 0 = not yet, else the level it came from (1 = the coarsest). */
  readonly level: Uint8Array;
  /** Cells computed so far (the nonzero entries of `level`), so no reader counts them. */
  readonly computed: number;
  readonly done: boolean;
  /** From the request to the newest part, in ms. */
  readonly ms: number;
  /** Why the sweep stopped (a typed function refused, a worker that keeps failing), or null. */
  readonly error: string | null;
}

/** Options of a SweepClient; tests replace the workers. */
export interface SweepClientOptions {
  readonly progress?: Feed<SweepProgress | null>;
  readonly createWorker?: WorkerFactory;
  /** Workers in the pool; min(hardwareConcurrency, 4) by default. */
  readonly workers?: number;
}

/** Parts a worker holds at once: one computing, one waiting, so it never idles on a round trip. */
const DEPTH = 2;
/** A worker silent this long while it owes parts is taken to hang (a part takes ≈ 30 ms). */
const HANG_MS = 15_000;
/** Consecutive crashes after which the client gives up on the sweep and says so. */
const MAX_FAILURES = 3;
/** The pool's size at most. */
const MAX_WORKERS = 4;

/** One worker of the pool and the parts it owes an answer for. */
interface Slot {
  worker: Worker | null;
  owed: { readonly runId: number; readonly part: Part }[];
  watchdog: ReturnType<typeof setTimeout> | undefined;
}

/** The sweep being computed. */
interface Run {
  readonly request: SweepRequest;
  /** Parts not sent yet, in order (a crashed worker's parts go back to the front). */
  readonly todo: PartQueue;
  /** Cells not computed yet. */
  remaining: number;
  /** Cells in all. */
  readonly cells: number;
  readonly t0: number;
  progress: SweepProgress;
}

const defaultWorkers = () =>
  Math.max(1, Math.min(MAX_WORKERS, globalThis.navigator?.hardwareConcurrency ?? 2));

/**
 * The page's side of the sweep workers: a pool, made on the first request, that computes the
 * newest sweep progressively — the coarse level's cells first, split across the workers, then
 * each finer level refining the picture in place — and publishes after every part. Latest wins:
 * a newer request (or `cancel`) drops every part of older ones, and workers skip what they hold
 * of them. A worker that crashes or hangs is replaced and its parts computed again.
 */
export class SweepClient {
  readonly progress: Feed<SweepProgress | null>;
  readonly #createWorker: WorkerFactory;
  readonly #size: number;
  #slots: Slot[] = [];
  #runId = 0;
  #run: Run | null = null;
  #failures = 0;
  /** The progressive order of the last grid (it depends on the axes' counts alone). */
  #levels: { readonly counts: string; readonly levels: readonly Int32Array[] } | null = null;

  constructor(options: SweepClientOptions = {}) {
    this.progress = options.progress ?? new Feed<SweepProgress | null>();
    this.#createWorker =
      options.createWorker ??
      (() => new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' }));
    this.#size = options.workers ?? defaultWorkers();
  }

  /** Computes the request's sweep; anything still computing for an older one is dropped. */
  run(request: SweepRequest): void {
    this.#begin(request);
    performance.mark('descent-lab:sweep', { detail: { id: this.#runId } });
    this.#pump();
  }

  /**
   * Shows that the request cannot be computed (a typed function the compiler refused): older work
   * is dropped and the progress carries `message`.
   */
  refuse(request: SweepRequest, message: string): void {
    this.#begin(request);
    this.#stop(message);
  }

  /** Drops the current sweep; the feed shows none. */
  cancel(): void {
    this.#supersede();
    this.progress.publish(null);
  }

  /** Stops every worker for good. */
  dispose(): void {
    this.#runId++;
    this.#run = null;
    for (const slot of this.#slots) {
      clearTimeout(slot.watchdog);
      slot.worker?.terminate();
    }
    this.#slots = [];
  }

  /** Makes `request` the current run, with nothing computed yet, and publishes it. */
  #begin(request: SweepRequest): void {
    const unseen = this.#run?.progress.computed === 0 ? this.#run.progress : null;
    const id = this.#supersede();
    const plan = planOf(request.scene);
    const cells = cellCount(plan.axes);
    const runs = runsOf(plan).length;
    // A run superseded before any of its cells arrived (each input of a slider drag) was never
    // filled: its arrays serve the new run, not megabytes allocated per input.
    const reuse = unseen && columnsFit(unseen.columns, cells, runs, plan.keep) ? unseen : null;
    const counts = plan.axes.map((a) => a.count).join('×');
    if (this.#levels?.counts !== counts) this.#levels = { counts, levels: levelsOf(plan.axes) };
    const todo = new PartQueue(this.#levels.levels, this.#size, runs * (request.scene.steps + 1));
    const t0 = performance.now();
    const progress: SweepProgress = {
      id,
      scene: request.scene,
      plan,
      columns: reuse?.columns ?? createColumns(cells, runs, plan.keep),
      level: reuse?.level ?? new Uint8Array(cells),
      computed: 0,
      done: cells === 0,
      ms: 0,
      error: null,
    };
    this.#run = { request, todo, remaining: cells, cells, t0, progress };
    this.progress.publish(progress);
  }

  /** A new run id; workers holding parts of older runs are told to skip them. */
  #supersede(): number {
    const runId = ++this.#runId;
    this.#run = null;
    for (const slot of this.#slots) {
      if (slot.worker && slot.owed.length > 0) {
        slot.worker.postMessage({ type: 'cancel', runId } satisfies ToSweepWorker);
      }
    }
    return runId;
  }

  /** Hands out parts until every worker holds DEPTH of them or none is left. */
  #pump(): void {
    const run = this.#run;
    if (!run) return;
    if (this.#slots.length === 0) {
      this.#slots = Array.from({ length: this.#size }, () => ({
        worker: null,
        owed: [],
        watchdog: undefined,
      }));
    }
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of this.#slots) {
        if (slot.owed.length >= depth) continue;
        const part = run.todo.next();
        if (!part) return;
        this.#send(slot, part);
      }
    }
  }

  #send(slot: Slot, part: Part): void {
    const run = this.#run!;
    const worker = slot.worker ?? this.#start(slot);
    slot.owed.push({ runId: run.progress.id, part });
    const msg: ToSweepWorker = {
      type: 'part',
      runId: run.progress.id,
      part: part.index,
      scene: run.request.scene,
      objective: run.request.objective,
      cells: part.cells,
    };
    worker.postMessage(msg);
    this.#arm(slot);
  }

  #start(slot: Slot): Worker {
    const worker = listen<FromSweepWorker>(
      this.#createWorker(),
      (msg) => {
        if (slot.worker === worker) this.#receive(slot, msg);
      },
      (reason) => {
        if (slot.worker === worker) this.#crashed(slot, reason);
      },
    );
    slot.worker = worker;
    return worker;
  }

  #receive(slot: Slot, msg: FromSweepWorker): void {
    const at = slot.owed.findIndex((o) => o.runId === msg.runId && o.part.index === msg.part);
    if (at < 0) return;
    const [{ part }] = slot.owed.splice(at, 1) as [Slot['owed'][number]];
    this.#arm(slot);
    const run = this.#run;
    if (!run || msg.runId !== run.progress.id) return this.#pump();
    if (msg.type === 'skipped') {
      // Only a part of an older run is skipped; should one of this run be, it is sent again.
      run.todo.again([part]);
    } else if (msg.type === 'error') {
      return this.#stop(msg.message);
    } else {
      this.#failures = 0;
      run.todo.observe(part, msg.ms);
      const { columns, level } = run.progress;
      scatterCells(msg.columns, part.cells, columns);
      for (const cell of part.cells) level[cell] = part.level;
      run.remaining -= part.cells.length;
      run.progress = {
        ...run.progress,
        computed: run.cells - run.remaining,
        done: run.remaining === 0,
        ms: performance.now() - run.t0,
      };
      // User timing marks let benchmarks time a sweep's first picture and its end.
      performance.mark('descent-lab:sweep-part', {
        detail: { id: run.progress.id, level: part.level, done: run.progress.done },
      });
      this.progress.publish(run.progress);
    }
    this.#pump();
  }

  /** Ends the current run with an error, published with what it had. */
  #stop(message: string): void {
    const run = this.#run;
    if (!run) return;
    this.#supersede();
    run.progress = { ...run.progress, done: true, error: message };
    this.progress.publish(run.progress);
  }

  /** (Re)starts the slot's hang watchdog while it owes parts; stops it when it owes none. */
  #arm(slot: Slot): void {
    clearTimeout(slot.watchdog);
    slot.watchdog =
      slot.owed.length > 0
        ? setTimeout(() => this.#crashed(slot, `no answer for ${HANG_MS / 1000} s`), HANG_MS)
        : undefined;
  }

  /** Replaces a crashed or hung worker; the parts it owed of the current run are sent again. */
  #crashed(slot: Slot, reason: string): void {
    clearTimeout(slot.watchdog);
    slot.worker?.terminate();
    slot.worker = null;
    const run = this.#run;
    const lost = slot.owed.filter((o) => o.runId === run?.progress.id).map((o) => o.part);
    slot.owed = [];
    if (!run) return;
    run.todo.again(lost);
    if (++this.#failures >= MAX_FAILURES) {
      return this.#stop(`The sweep keeps failing (${reason}). Reload the page to try again.`);
    }
    this.#pump();
  }
}
