import { checkView, fieldOfSamples, sampleRows } from '../engine/field.ts';
import {
  checkRunsPlane,
  planeOfRunsSteps,
  projectRun,
  viewOfRuns,
} from '../engine/network/landscape.ts';
import { fastNetwork } from '../engine/network/wasm/fastNetwork.ts';
import { networkTraining, sliceExamples, sliceOf } from '../engine/network/scene.ts';
import { lossCostMs, PlaneLoss } from '../engine/network/slice.ts';
import type { NetworkRun } from '../engine/network/train.ts';
import type { Box } from '../engine/types.ts';
import { errorMessage } from './errorMessage.ts';
import { TaskedJob, type TaskHost } from './taskedJob.ts';
import { buffersOf } from './fieldService.ts';
import { runKey, trainingKey } from './networkKeys.ts';
import { layerBuffers, layersOfRuns } from './networkLayers.ts';
import { TrainerLink } from './trainerLink.ts';
import type { PortEnd, ToTrainer, TrainedRun } from './trainerProtocol.ts';
import { trainRun } from './trainerService.ts';
import type {
  FromNetworkWorker,
  NetworkLayers,
  PlaneRun,
  RunLayers,
  Slicing,
  ToNetworkWorker,
} from './networkProtocol.ts';
import type { NetworkTraining } from '../engine/network/train.ts';

/** What the service needs from its worker; tests pass fakes. */
export interface NetworkHost extends TaskHost {
  /** Sends a message to the page, transferring the listed buffers. */
  post(message: FromNetworkWorker, transfer: Transferable[]): void;
}

/** The field of sampled values (engine/field); tests pass one that keeps the samples. */
export type FieldOfSamples = typeof fieldOfSamples;

type Request = Extract<ToNetworkWorker, { type: 'network' }>;

/** A scene's runs, kept for its next slice, and their layers once computed. */
interface Trained {
  /** What the runs are of (trainingKey). */
  readonly key: string;
  readonly runs: readonly NetworkRun[];
  layers: NetworkLayers | null;
}

/**
 * The network worker's logic, without the worker. A request trains every optimizer of the scene
 * (NetworkTrajectory, as trainNetwork, a few steps at a time; half of them in the trainer worker
 * when the page connected one, trainerLink.ts), takes the plane the scene's slice
 * asks for (the principal plane of all the runs together, or a random one through a run's end, as
 * `descent-lab slice`), projects them, and sends them; then the full-batch training (or test) loss
 * on that plane over the view that holds them (a scene that changes only its slice is not trained
 * again, and of one that changes some optimizers only those are), a coarse grid first and the complete one after, a few rows
 * at a time; and on request (a zoom or pan) the same loss over another view of the newest plane.
 * It computes in TaskedJob's tasks (~15 ms), so a newer request (or a cancel) that arrives meanwhile
 * replaces it within one task: latest wins, nothing stale is sent.
 */
export class NetworkService {
  readonly #jobs: TaskedJob;
  /** The trainer worker, if the page connected one: half of a request's runs train there. */
  readonly #trainer = new TrainerLink();
  #requestId = 0;
  /**
   * The newest complete training and what it was of (trainingKey): a scene that changes only its
   * slice (the plane, the loss drawn) is sliced again without training again.
   */
  #trained: Trained | null = null;
  /**
   * The newest training's runs by what each is of (runKey): a change to one optimizer (a slider
   * step) trains that one again and takes the others as they were, bit for bit (each run is a
   * function of its own entry and the shared setting alone).
   */
  #runs = new Map<string, NetworkRun>();
  /** Each kept run's Layers numbers, once computed. */
  readonly #runLayers = new WeakMap<NetworkRun, RunLayers>();
  /** The newest plane sent to the page, for later views of it (zoom, pan). */
  #plane: {
    readonly requestId: number;
    readonly objective: PlaneLoss;
    /** What one cell of it costs (lossCostMs): the complete grid's side follows from it. */
    readonly cellMs: number;
    /** Its runs' layers (sent once, after its coarse field; a view of it finishes them). */
    readonly layers: Generator<void, void, void>;
  } | null = null;

  constructor(
    private readonly host: NetworkHost,
    private readonly fieldOf: FieldOfSamples = fieldOfSamples,
  ) {
    this.#jobs = new TaskedJob(host, (error) => {
      this.#trainer.stop();
      host.post({ type: 'error', requestId: this.#requestId, message: errorMessage(error) }, []);
    });
  }

  /** Trains with the trainer at the other end of `port` from the next request on (null: alone). */
  connectTrainer(port: PortEnd<ToTrainer, TrainedRun> | null): void {
    this.#trainer.connect(port);
  }

  /** Takes a message from the page: a newer request replaces the current one; cancel stops it. */
  receive(message: ToNetworkWorker): void {
    if (message.type === 'cancel') {
      this.#jobs.stop();
      this.#trainer.stop();
      // The page left networks: the runs are not needed again soon.
      this.#trained = null;
      this.#runs.clear();
      return;
    }
    if (message.type === 'network') {
      // The trainer drops the older request's runs now, whatever the newer one needs of it.
      this.#trainer.stop();
      this.#jobs.start(this.#compute(message));
    } else {
      // A view of a plane that is not the newest one sent is stale: a newer scene computes.
      const plane = this.#plane;
      if (!plane || plane.requestId !== message.plane) return;
      const { requestId, view, slicing } = message;
      this.#jobs.start(this.#slices(requestId, plane, view, slicing, this.host.now()));
    }
    this.#requestId = message.requestId;
  }

  *#compute(request: Request): Generator<void, void, void> {
    const { requestId, scene, slicing } = request;
    const t0 = this.host.now();
    const post = this.host.post.bind(this.host);
    this.#plane = null;
    if (!scene.network) throw new Error('the scene has no network');
    const key = trainingKey(scene);
    let trained = this.#trained?.key === key ? this.#trained : null;
    const of = scene.optimizers.length;
    const keys = scene.optimizers.map((entry) => runKey(scene, entry));
    const own = keys.map((k) => this.#runs.get(k) ?? null);
    const missing = own.flatMap((run, k) => (run ? [] : [k]));
    const trainer = this.#trainer;
    // The trainer has its share before this worker sets up (its data set, θ₀ and kernel: ≈ 25 ms
    // on a fresh load, unless prepared or kept), and sets up its own meanwhile. The trainer's runs come here too, from the
    // last one back, in case it is slow or gone; each is dropped once the trainer's arrives
    // (trainerLink.ts).
    const order = trained ? [] : trainer.share(requestId, scene, missing);
    const training = networkTraining(scene, scene.network);
    const net = fastNetwork(training.arch);
    let fromTrainer = 0;
    if (!trained) {
      for (const run of order) {
        if (trainer.arrived(run)) continue;
        const done = own.reduce((n, r, k) => (r || trainer.arrived(k) ? n + 1 : n), 0);
        post({ type: 'progress', requestId, stage: 'training', run, of, done }, []);
        yield;
        own[run] = yield* trainRun(training, run, net, () => trainer.arrived(run) !== undefined);
      }
      const runs = own.map((run, k) => run ?? trainer.arrived(k)!);
      fromTrainer = own.filter((run) => run === null).length;
      trainer.stop();
      this.#runs = new Map(keys.map((k, i) => [k, runs[i]!]));
      this.#trained = trained = { key, runs, layers: null };
    }
    const { runs } = trained;
    post({ type: 'progress', requestId, stage: 'plane' }, []);
    yield;
    const slice = sliceOf(scene.network);
    const examples = sliceExamples(training, slice.loss);
    const runsPlane = yield* planeOfRunsSteps(slice.plane, training.arch, runs, slice.run);
    const { kind, plane, explained } = runsPlane;
    const projections = runs.map((run) => projectRun(plane, run));
    const view = viewOfRuns(kind, projections);
    checkRunsPlane(runsPlane, projections, view);
    // Copies move to the page: the runs stay here for the scene's next plane or loss.
    const shown: PlaneRun[] = runs.map((run, k) => ({
      ...projections[k]!,
      loss: run.loss.slice(),
      testLoss: run.testLoss?.slice() ?? null,
      lr: run.lr.slice(),
      divergedAt: run.divergedAt,
      params: run.params.slice(),
      count: run.count,
    }));
    const transfer = shown.flatMap((r) =>
      [r.alpha, r.beta, r.distance, r.loss, r.testLoss, r.lr, r.params]
        .filter((a) => a !== null)
        .map((a) => a.buffer),
    );
    post(
      {
        type: 'runs',
        requestId,
        ms: this.host.now() - t0,
        fromTrainer,
        runs: shown,
        kind,
        explained,
        loss: slice.loss,
        view,
      },
      [...new Set(transfer)],
    );
    const objective = new PlaneLoss(net, examples, plane);
    const cellMs = lossCostMs(training.arch, examples.n);
    const layers = this.#layers(requestId, training, trained, t0);
    this.#plane = { requestId, objective, cellMs, layers };
    yield* this.#slices(requestId, this.#plane, view, slicing, t0);
  }

  /**
   * The loss on the plane over `view`: the coarse grid, then the complete one, sized by what a
   * cell costs by the model (lossCostMs and Slicing.budgetMs): the same side on every machine.
   */
  *#slices(
    requestId: number,
    {
      objective,
      cellMs,
      layers,
    }: {
      readonly objective: PlaneLoss;
      readonly cellMs: number;
      readonly layers: Generator<void, void, void>;
    },
    view: Box,
    { grids, levels, budgetMs }: Slicing,
    t0: number,
  ): Generator<void, void, void> {
    const post = this.host.post.bind(this.host);
    checkView(view);
    let n = grids[0];
    for (const k of [0, 1]) {
      post({ type: 'progress', requestId, stage: 'slicing', pass: k, of: 2 }, []);
      const values = new Float64Array(n * n);
      for (let j = 0; j < n; j++) {
        sampleRows(objective, view, n, values, j, j + 1);
        yield;
      }
      const field = this.fieldOf(values, view, n, levels);
      post(
        { type: 'field', requestId, field, final: k === 1, ms: this.host.now() - t0 },
        buffersOf(field),
      );
      yield;
      // After the first picture, before the complete one: a finished generator adds nothing.
      if (k === 0) yield* layers;
      n = completeSide(grids, budgetMs, cellMs);
    }
  }

  /**
   * The runs' layers (networkLayers.ts), posted under the scene request that trained them (or
   * sliced them again: then the kept ones, computed once, computeMs 0).
   */
  *#layers(
    requestId: number,
    training: NetworkTraining,
    trained: Trained,
    t0: number,
  ): Generator<void, void, void> {
    let computeMs = 0;
    if (!trained.layers) {
      const done = yield* layersOfRuns(
        training,
        trained.runs,
        () => this.host.now(),
        this.#runLayers,
      );
      trained.layers = done.layers;
      computeMs = done.computeMs;
    }
    // A copy moves to the page: the kept ones serve the scene's next plane or loss.
    const layers = structuredClone(trained.layers);
    const ms = this.host.now() - t0;
    this.host.post({ type: 'layers', requestId, ms, computeMs, ...layers }, layerBuffers(layers));
  }
}

/** The fewest samples per side of a complete grid sized by its budget. */
export const MIN_GRID = 24;

/** The complete grid's side: the largest up to grids[1] whose cells fit the budget at `cellMs`. */
export function completeSide(
  grids: Slicing['grids'],
  budgetMs: number | undefined,
  cellMs: number,
): number {
  if (budgetMs === undefined) return grids[1];
  const fits = Math.floor(Math.sqrt(budgetMs / Math.max(cellMs, 1e-6)));
  return Math.max(Math.min(MIN_GRID, grids[1]), Math.min(grids[1], fits));
}
