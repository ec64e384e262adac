import type { ContourField } from '../engine/field.ts';
import type { PlaneKind } from '../engine/network/landscape.ts';
import { sliceOf } from '../engine/network/scene.ts';
import type { Scene } from '../engine/scene.ts';
import type { Box } from '../engine/types.ts';
import type { LineAnswer, LineRequest } from './lineProtocol.ts';
import type {
  FromNetworkWorker,
  NetworkLayers,
  NetworkProgress,
  PlaneRuns,
  Slicing,
  ToNetworkWorker,
} from './networkProtocol.ts';
import type { WorkerFactory } from './latestClient.ts';
import type { PrepareNetwork } from './prepareNetwork.ts';
import { TrainerClient } from './trainerClient.ts';
import type { TrainerLinkMessage } from './trainerProtocol.ts';
import { WatchedWorker } from './watchedWorker.ts';

/** What the network worker reports for the newest request. */
export interface NetworkEvents {
  /** What it is doing: "Training 2 of 3…", "Slicing…". */
  progress(text: string): void;
  /**
   * The runs on their plane, for `scene` (ms: since the request; fromTrainer: how many of them
   * the trainer worker trained).
   */
  runs(scene: Scene, runs: PlaneRuns, ms: number, fromTrainer: number): void;
  /** A contour field of the training loss on the plane: coarse first, then `final`. */
  field(field: ContourField, final: boolean, ms: number): void;
  error(message: string): void;
  /**
   * The per-layer statistics and sharpness of the runs of `scene` (the newest scene's, whose
   * runs arrived), after its coarse field; ms since the request, computeMs their own time.
   */
  layers?(scene: Scene, layers: NetworkLayers, ms: number, computeMs: number): void;
  /** The newest line request's answer (LineAnswer: its losses, or why there are none). */
  line?(answer: LineAnswer): void;
}

/** A line request as the page asks it: the client numbers it. */
export type LineAsk = Omit<LineRequest, 'type' | 'requestId'>;

/** A worker silent this long while it owes an answer is taken to hang (a slice sends every row). */
const HANG_MS = 15_000;
/** Consecutive crashes after which the page gives up and says so. */
const MAX_FAILURES = 3;

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('./network.worker.ts', import.meta.url), { type: 'module' });

/** The trainer (networkTrainer.worker.ts): the network worker's second core. */
const defaultTrainer: WorkerFactory = () =>
  new Worker(new URL('./networkTrainer.worker.ts', import.meta.url), { type: 'module' });

/** The two workers a NetworkClient makes: the network worker and its trainer (null: none). */
export interface NetworkWorkers {
  readonly network: WorkerFactory;
  readonly trainer: WorkerFactory | null;
}

/** The workers a client makes by default, each when it is first needed. */
export const NETWORK_WORKERS: NetworkWorkers = { network: defaultWorker, trainer: defaultTrainer };

/**
 * `workers` with one of each made now and told to prepare `scene` (prepareNetwork.ts), each
 * handed out by the first call of its factory. A page opened on a network scene starts them
 * while React mounts (≈ 300 ms of a fresh load here) rather than at the scene's request: a worker
 * took ≈ 60 ms from `new Worker` to its first message handled (thread, module compile and
 * evaluation) in a Chromium trace of a fresh load, and its setup ≈ 30 ms more. One that fails to
 * load before it is handed out is dropped, and its factory makes another.
 */
export function startNetworkWorkers(
  scene: Scene,
  workers: NetworkWorkers = NETWORK_WORKERS,
): NetworkWorkers {
  const prepare: PrepareNetwork = { type: 'prepare', scene };
  return {
    network: startNow(workers.network, prepare),
    trainer: workers.trainer && startNow(workers.trainer, prepare),
  };
}

function startNow(make: WorkerFactory, prepare: PrepareNetwork): WorkerFactory {
  let early: Worker | null = make();
  early.postMessage(prepare);
  const failed = () => {
    early?.terminate();
    early = null;
  };
  early.addEventListener('error', failed, { once: true });
  return () => {
    const worker = early;
    early = null;
    if (!worker) return make();
    worker.removeEventListener('error', failed);
    return worker;
  };
}

/**
 * The page's side of the network worker. Every request goes out at once: the worker drops the one
 * it is computing for it within a task (NetworkService), and messages of older requests are
 * dropped here. A worker that crashes or hangs is replaced and the newest request resent. Each
 * network worker is joined to the trainer (TrainerClient), which trains half of its runs.
 */
export class NetworkClient {
  readonly #trainer: TrainerClient;
  readonly #worker = new WatchedWorker<
    FromNetworkWorker | LineAnswer,
    ToNetworkWorker | LineRequest | TrainerLinkMessage
  >(
    () => this.#networkWorker(),
    HANG_MS,
    (msg) => this.#receive(msg),
    (reason, failures) => this.#fail(reason, failures),
  );
  #nextId = 0;
  /** The newest request, until its complete field (or its error) arrives. */
  #owed: Exclude<ToNetworkWorker, { type: 'cancel' }> | null = null;
  /** The newest scene request, computed again if a view of its plane fails. */
  #scene: Extract<ToNetworkWorker, { type: 'network' }> | null = null;
  /** The request whose plane the worker holds (its runs arrived), or null. */
  #plane: number | null = null;
  /** The newest line request, until its answer arrives; its ids are its own. */
  #line: LineRequest | null = null;
  #nextLineId = 0;

  /** `createTrainer` null: no trainer, the network worker trains every run itself. */
  constructor(
    private readonly events: NetworkEvents,
    private readonly createWorker: WorkerFactory = defaultWorker,
    createTrainer: WorkerFactory | null = defaultTrainer,
  ) {
    this.#trainer = new TrainerClient(createTrainer);
  }

  /** Trains `scene`'s network and slices its plane. */
  request(scene: Scene, slicing: Slicing): void {
    this.#owed = this.#scene = { type: 'network', requestId: ++this.#nextId, scene, slicing };
    this.#plane = null;
    this.#worker.send(this.#owed);
  }

  /**
   * Slices the newest scene's plane over `view` (a zoom or pan), unless that scene is still
   * training: its own runs will bring their view.
   */
  view(view: Box, slicing: Slicing): void {
    const plane = this.#plane;
    if (plane === null || this.#scene?.requestId !== plane) return;
    this.#owed = { type: 'view', requestId: ++this.#nextId, plane, view, slicing };
    this.#worker.send(this.#owed);
  }

  /**
   * The losses along the line between two runs' ends, computed beside (never instead of) the
   * scene's training and slicing; a newer line replaces an older one.
   */
  line(ask: LineAsk): void {
    this.#line = { type: 'line', requestId: ++this.#nextLineId, ...ask };
    this.#worker.send(this.#line);
  }

  /** Tells the worker that nothing it computes is wanted any more (the scene left networks). */
  cancel(): void {
    this.#nextId++;
    this.#scene = null;
    if (!this.#owed && !this.#line) return;
    this.#owed = this.#line = null;
    this.#worker.settle(false);
    this.#worker.post({ type: 'cancel' });
  }

  /** Stops the workers for good; nothing is reported afterwards. */
  dispose(): void {
    this.#worker.terminate();
    this.#trainer.terminate();
    this.#owed = null;
  }

  /** A new network worker, joined to the trainer before any request reaches it. */
  #networkWorker(): Worker {
    const worker = this.createWorker();
    this.#trainer.connect((message, transfer) => worker.postMessage(message, transfer));
    return worker;
  }

  #receive(msg: FromNetworkWorker | LineAnswer): void {
    if (msg.type === 'line' || msg.type === 'lineError') return this.#lineAnswer(msg);
    if (msg.type === 'layers') return this.#layers(msg);
    const owed = this.#owed;
    if (!owed || msg.requestId !== owed.requestId) return;
    const last = msg.type === 'error' || (msg.type === 'field' && msg.final);
    if (last) {
      this.#owed = null;
      // A line still owed keeps the watchdog on.
      if (this.#line) this.#worker.arm();
      else this.#worker.settle(msg.type !== 'error');
    } else {
      this.#worker.arm();
    }
    if (msg.type === 'progress') {
      const network = owed.type === 'network' ? owed.scene.network : undefined;
      const plane = network ? sliceOf(network).plane : 'pca';
      this.events.progress(progressText(msg, plane));
    } else if (msg.type === 'field') this.events.field(msg.field, msg.final, msg.ms);
    else if (msg.type === 'error') this.events.error(msg.message);
    // Only a scene request's answer has runs.
    else if (owed.type === 'network') {
      this.#plane = msg.requestId;
      this.events.runs(owed.scene, msg, msg.ms, msg.fromTrainer);
    }
  }

  #lineAnswer(msg: LineAnswer): void {
    if (msg.requestId !== this.#line?.requestId) return;
    this.#line = null;
    if (!this.#owed) this.#worker.settle(msg.type === 'line');
    this.events.line?.(msg);
  }

  /** Layers belong to the plane the page holds, whichever request (it, or a view of it) is owed. */
  #layers(msg: Extract<FromNetworkWorker, { type: 'layers' }>): void {
    const scene = this.#scene;
    if (!scene || msg.requestId !== scene.requestId || this.#plane !== msg.requestId) return;
    if (this.#owed) this.#worker.arm();
    this.events.layers?.(scene.scene, msg, msg.ms, msg.computeMs);
  }

  #fail(reason: string, failures: number): void {
    const line = this.#line;
    if (line && failures < MAX_FAILURES) this.#worker.send(line);
    else if (line) {
      this.#line = null;
      const message = `The network worker keeps failing (${reason}).`;
      this.events.line?.({ type: 'lineError', requestId: line.requestId, message });
    }
    if (!this.#owed) return;
    if (failures >= MAX_FAILURES) {
      this.#owed = null;
      this.events.error(
        `The network worker keeps failing (${reason}). Reload the page to try again.`,
      );
      return;
    }
    // A fresh worker computes the newest request again; it holds no plane to view.
    if (this.#owed.type === 'view' && this.#scene) this.#owed = this.#scene;
    this.#worker.send(this.#owed);
  }
}

/** The status line's words for where the worker stands. */
function progressText(progress: NetworkProgress, plane: PlaneKind = 'pca'): string {
  switch (progress.stage) {
    case 'training':
      return `Training (${progress.done} of ${progress.of} done)…`;
    case 'plane':
      return plane === 'pca' ? 'Finding the principal plane…' : 'Drawing the random plane…';
    case 'slicing':
      return progress.pass + 1 < progress.of ? 'Slicing (a coarse grid first)…' : 'Slicing…';
  }
}
