import type { Scene } from '../engine/scene.ts';
import type { NetworkRun } from '../engine/network/train.ts';
import type { PortEnd, ToTrainer, TrainedRun } from './trainerProtocol.ts';

/**
 * The network worker's side of the trainer: it hands the trainer half of a request's runs and
 * keeps those it sends back. The network worker never waits for them: having trained its own
 * half, it trains the trainer's too, from the last one back, and drops each as soon as the
 * trainer's copy arrives. Both copies are NetworkTrajectory on the same inputs, bit for bit the
 * same, so whichever comes first is the run; a trainer that is missing, slow or dead costs time,
 * never a run.
 */
export class TrainerLink {
  #port: PortEnd<ToTrainer, TrainedRun> | null = null;
  /** The request whose runs the trainer is training; its runs by place as they arrive. */
  #requestId: number | null = null;
  readonly #arrived = new Map<number, NetworkRun>();

  /** Uses `port` from the next request on (null: no trainer, every run is trained here). */
  connect(port: PortEnd<ToTrainer, TrainedRun> | null): void {
    this.#port?.close();
    this.#port = port;
    if (port) port.onmessage = (event) => this.#receive(event.data);
  }

  /**
   * Starts request `requestId`: hands the trainer the second half of `missing` (the places of the
   * runs to train) and returns the order in which this worker trains them: its own half, then
   * the trainer's from its last run back (the one the trainer reaches last).
   */
  share(requestId: number, scene: Scene, missing: readonly number[]): number[] {
    this.#requestId = requestId;
    this.#arrived.clear();
    const port = this.#port;
    // One run cannot be split: both workers would compute the same steps.
    if (!port || missing.length < 2) {
      port?.postMessage({ type: 'cancel' }, []);
      return [...missing];
    }
    const own = missing.slice(0, Math.floor(missing.length / 2));
    const theirs = missing.slice(own.length);
    port.postMessage({ type: 'train', requestId, scene, runs: theirs }, []);
    return [...own, ...[...theirs].reverse()];
  }

  /** Run `index` of the current request, if the trainer has sent it. */
  arrived(index: number): NetworkRun | undefined {
    return this.#arrived.get(index);
  }

  /** Ends the current request: the trainer stops, and what it still sends is dropped. */
  stop(): void {
    if (this.#requestId === null) return;
    this.#requestId = null;
    this.#arrived.clear();
    this.#port?.postMessage({ type: 'cancel' }, []);
  }

  #receive(message: TrainedRun): void {
    // A run of an older request is stale: that request's runs are no longer wanted.
    if (message.requestId === this.#requestId) this.#arrived.set(message.index, message.run);
  }
}
