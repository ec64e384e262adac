import {
  cellCount,
  columnsFit,
  createColumns,
  planOf,
  runsOf,
  sweepCells,
} from '../engine/sweep/index.ts';
import type { SweepColumns, SweepPlan } from '../engine/sweep/types.ts';
import { Objectives } from './objective.ts';
import { columnBuffers, gatherCells } from './sweepColumns.ts';
import type { FromSweepWorker, SweepPart, ToSweepWorker } from './sweepProtocol.ts';

/** What the service needs from its worker; tests pass fakes. */
export interface SweepHost {
  /** Sends an answer to the page, transferring the listed buffers. */
  post(answer: FromSweepWorker, transfer: Transferable[]): void;
  /** Runs `task` in a later task of the worker's event loop, behind any message already queued. */
  later(task: () => void): void;
}

/** The plan of the run being computed, and the whole-sweep columns its cells go into. */
interface Current {
  readonly runId: number;
  readonly plan: SweepPlan;
  readonly columns: SweepColumns;
}

/**
 * The sweep worker's logic, without the worker: parts are queued as they arrive and computed one
 * per task, so that between two parts the messages already waiting are read; a part of a run older
 * than the newest seen (a newer part, or a cancel) is answered `skipped`, not computed.
 */
export class SweepService {
  readonly #objectives = new Objectives();
  readonly #queue: SweepPart[] = [];
  /** The newest run id seen. */
  #latest = 0;
  #scheduled = false;
  #current: Current | null = null;

  constructor(private readonly host: SweepHost) {}

  /** Takes one message from the page. */
  receive(msg: ToSweepWorker): void {
    this.#latest = Math.max(this.#latest, msg.runId);
    if (msg.type === 'cancel') return;
    this.#queue.push(msg);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#queue.length === 0) return;
    this.#scheduled = true;
    this.host.later(() => {
      this.#scheduled = false;
      this.#next();
    });
  }

  #next(): void {
    const part = this.#queue.shift();
    if (!part) return;
    if (part.runId < this.#latest) {
      this.host.post({ type: 'skipped', runId: part.runId, part: part.part }, []);
    } else {
      try {
        this.#compute(part);
      } catch (error) {
        this.#current = null;
        const message = error instanceof Error ? error.message : String(error);
        this.host.post({ type: 'error', runId: part.runId, part: part.part, message }, []);
      }
    }
    this.#schedule();
  }

  /** Computes a part's cells into the run's whole columns, and sends them compactly. */
  #compute(part: SweepPart): void {
    const t0 = performance.now();
    const { plan, columns } = this.#currentFor(part);
    sweepCells(plan, part.cells, columns);
    const out = createColumns(part.cells.length, columns.runs, plan.keep);
    gatherCells(columns, part.cells, out);
    this.host.post(
      {
        type: 'part',
        runId: part.runId,
        part: part.part,
        columns: out,
        ms: performance.now() - t0,
      },
      columnBuffers(out),
    );
  }

  /** The plan of the part's run, built once per run; columns of an unchanged shape are reused. */
  #currentFor(part: SweepPart): Current {
    if (this.#current?.runId === part.runId) return this.#current;
    const { scene } = part;
    const plan = planOf(scene, this.#objectives.for(scene.fn, part.objective, scene.noise.seed));
    const cells = cellCount(plan.axes);
    const runs = runsOf(plan).length;
    const last = this.#current?.columns;
    // Every cell a part lists is written before it is read: old values never show.
    const columns =
      last && columnsFit(last, cells, runs, plan.keep)
        ? last
        : createColumns(cells, runs, plan.keep);
    this.#current = { runId: part.runId, plan, columns };
    return this.#current;
  }
}
