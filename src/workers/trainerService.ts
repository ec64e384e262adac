import type { Network } from '../engine/network/model.ts';
import { fastNetwork } from '../engine/network/wasm/fastNetwork.ts';
import { networkTraining } from '../engine/network/scene.ts';
import {
  NetworkTrajectory,
  type NetworkRun,
  type NetworkTraining,
} from '../engine/network/train.ts';
import { TaskedJob, type TaskHost } from './taskedJob.ts';
import { runBuffers, type ToTrainer, type TrainedRun } from './trainerProtocol.ts';

/** Training steps between two chances to stop: [2, 16, 16, 1] on 375 examples takes ~1 ms each. */
export const STEPS_PER_SLICE = 8;

/** What the trainer needs from its worker; tests pass fakes. */
export interface TrainerHost extends TaskHost {
  /** Sends a run to the network worker, transferring the listed buffers. */
  post(message: TrainedRun, transfer: Transferable[]): void;
}

/**
 * Trains `entry` of `training` a few steps a piece (NetworkTrajectory, as trainNetwork does it),
 * stopping early once `enough()` says the run is no longer wanted; returns the run, or null then.
 */
export function* trainRun(
  training: NetworkTraining,
  index: number,
  net: Network,
  enough: () => boolean = () => false,
): Generator<void, NetworkRun | null, void> {
  const trajectory = new NetworkTrajectory(training, training.optimizers[index]!, net);
  while (!trajectory.done) {
    if (enough()) return null;
    trajectory.advance(STEPS_PER_SLICE);
    yield;
  }
  return trajectory.toRun();
}

/**
 * The trainer worker's logic, without the worker: trains the runs the network worker hands it, in
 * TaskedJob's tasks, and sends each as soon as it is done. A newer request (or a cancel) replaces
 * the one in progress within a task. What it cannot train (a scene that throws) it drops: the
 * network worker trains every run it has not received, and reports the error itself.
 */
export class TrainerService {
  readonly #jobs: TaskedJob;

  constructor(private readonly host: TrainerHost) {
    this.#jobs = new TaskedJob(host, () => {});
  }

  /** Takes a message from the network worker. */
  receive(message: ToTrainer): void {
    if (message.type === 'cancel') this.#jobs.stop();
    else this.#jobs.start(this.#train(message));
  }

  /** Drops the training in progress (its network worker is gone). */
  stop(): void {
    this.#jobs.stop();
  }

  *#train({
    requestId,
    scene,
    runs,
  }: Extract<ToTrainer, { type: 'train' }>): Generator<void, void, void> {
    if (!scene.network) return;
    const training = networkTraining(scene, scene.network);
    const net = fastNetwork(training.arch);
    for (const index of runs) {
      const run = yield* trainRun(training, index, net);
      if (!run) return;
      this.host.post({ type: 'run', requestId, index, run }, runBuffers(run));
    }
  }
}
