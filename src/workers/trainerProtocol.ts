import type { Scene } from '../engine/scene.ts';
import type { NetworkRun } from '../engine/network/train.ts';

/**
 * Network worker → trainer, over the port the page gave them: train these runs of a scene (its
 * optimizers by place, in this order), replacing any training in progress; or stop.
 */
export type ToTrainer =
  | {
      readonly type: 'train';
      /** The network worker's request: every run sent back carries it. */
      readonly requestId: number;
      /** A scene with a network, as the network worker received it. */
      readonly scene: Scene;
      readonly runs: readonly number[];
    }
  | { readonly type: 'cancel' };

/** Trainer → network worker: one run trained, its arrays transferred. */
export interface TrainedRun {
  readonly type: 'run';
  readonly requestId: number;
  /** Its optimizer's place in the scene. */
  readonly index: number;
  readonly run: NetworkRun;
}

/** Page → trainer worker: the port to the network worker (a new one replaces the old). */
export interface TrainerPort {
  readonly type: 'port';
  readonly port: MessagePort;
}

/**
 * Page → network worker: the port to the trainer, or null when there is none any more (it kept
 * crashing): the network worker then trains every run itself.
 */
export interface TrainerLinkMessage {
  readonly type: 'trainer';
  readonly port: MessagePort | null;
}

/** The end of a port one side of the pair holds; tests pass in-memory ones. */
export interface PortEnd<Out, In> {
  postMessage(message: Out, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<In>) => void) | null;
  close(): void;
}

/** The buffers of a run, each once: they move to the other worker. */
export const runBuffers = (run: NetworkRun): ArrayBuffer[] => [
  ...new Set(
    [run.loss, run.testLoss, run.params, run.lr].flatMap((a) =>
      a ? [a.buffer as ArrayBuffer] : [],
    ),
  ),
];
