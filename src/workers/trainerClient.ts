import type { WorkerFactory } from './latestClient.ts';
import type { TrainerLinkMessage, TrainerPort } from './trainerProtocol.ts';
import { WatchedWorker } from './watchedWorker.ts';

/** Trainer crashes (in the page's life) after which the network worker trains alone. */
const MAX_FAILURES = 3;
/** Unused: the trainer owes the page nothing, so its watchdog is never left running. */
const HANG_MS = 15_000;

/** How a message reaches the newest network worker. */
export type ToNetwork = (message: TrainerLinkMessage, transfer: Transferable[]) => void;

/**
 * The page's side of the trainer worker: it makes the trainer and joins it to each new network
 * worker by a MessageChannel whose ends it transfers to both, so that runs go from worker to
 * worker and never through the page. A trainer that crashes is replaced and joined again; after
 * MAX_FAILURES the network worker is told it has none and trains every run itself (it never waits
 * for the trainer, so a request is not lost either way).
 */
export class TrainerClient {
  readonly #worker: WatchedWorker<never, TrainerPort> | null;
  #toNetwork: ToNetwork | null = null;
  #failures = 0;

  constructor(create: WorkerFactory | null) {
    this.#worker =
      create &&
      new WatchedWorker<never, TrainerPort>(
        create,
        HANG_MS,
        () => {},
        (_reason, failures) => this.#failed(failures),
      );
  }

  /** Joins the trainer (made if there is none) to a new network worker, reached by `toNetwork`. */
  connect(toNetwork: ToNetwork): void {
    this.#toNetwork = toNetwork;
    const worker = this.#worker;
    if (!worker || this.#failures >= MAX_FAILURES) return;
    const { port1, port2 } = new MessageChannel();
    worker.send({ type: 'port', port: port2 }, [port2]);
    worker.settle(false);
    toNetwork({ type: 'trainer', port: port1 }, [port1]);
  }

  /** Stops the trainer for good. */
  terminate(): void {
    this.#toNetwork = null;
    this.#worker?.terminate();
  }

  #failed(failures: number): void {
    this.#failures = failures;
    const toNetwork = this.#toNetwork;
    if (!toNetwork) return;
    if (failures < MAX_FAILURES) this.connect(toNetwork);
    else toNetwork({ type: 'trainer', port: null }, []);
  }
}
