import {
  boundaryModel,
  type BoundaryFrame,
  type BoundaryModel,
} from '../../engine/network/boundaryFrame.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';
import type { BoundaryRequester } from '../../workers/boundaryClient.ts';

/**
 * The page's frames of one network scene's decision-boundary panels, computed by the boundary
 * worker (engine/network/boundaryFrame.ts) and kept per θ array: a step shown before, or a redraw
 * for a resize, costs nothing; entries go with their θ. Panels subscribe and redraw when frames
 * arrive.
 */
export class BoundaryFrames {
  readonly model: BoundaryModel;
  readonly #frames = new WeakMap<Float64Array, BoundaryFrame>();
  /** The frame received last for each run, by the buffer its θ views share (its rows). */
  readonly #newest = new WeakMap<ArrayBufferLike, BoundaryFrame>();
  readonly #listeners = new Set<() => void>();
  #client: BoundaryRequester | null = null;
  #wanted: readonly (Float64Array | null)[] = [];
  /** Why the newest request failed, until frames arrive again. */
  error: string | null = null;

  constructor(readonly network: NetworkScene) {
    this.model = boundaryModel(network);
  }

  /** θ's frame once the worker has computed it, else null. */
  get(theta: Float64Array): BoundaryFrame | null {
    return this.#frames.get(theta) ?? null;
  }

  /**
   * θ's frame, or until it arrives the newest frame of another point of θ's run (a view into the
   * same rows): what a panel shows while the cursor runs ahead of the worker.
   */
  newest(theta: Float64Array): BoundaryFrame | null {
    return this.#frames.get(theta) ?? this.#newest.get(theta.buffer) ?? null;
  }

  /** The panels now show these θs: asks for those not computed, all in one request. */
  want(thetas: readonly (Float64Array | null)[]): void {
    this.#wanted = thetas;
    this.#ask();
  }

  /** Sends requests to `client` from now until the returned function detaches it. */
  attach(client: BoundaryRequester): () => void {
    this.#client = client;
    this.#ask();
    return () => {
      if (this.#client === client) this.#client = null;
    };
  }

  /** Takes the frames a client computed; those of another network are not this scene's. */
  receive(
    network: NetworkScene,
    thetas: readonly Float64Array[],
    frames: readonly BoundaryFrame[],
  ): void {
    if (network !== this.network) return;
    thetas.forEach((theta, k) => {
      this.#frames.set(theta, frames[k]!);
      this.#newest.set(theta.buffer, frames[k]!);
    });
    this.error = null;
    this.#notify();
  }

  /** The newest request failed. */
  fail(message: string): void {
    this.error = message;
    this.#notify();
  }

  /** Calls `listener` whenever frames arrive or a request fails; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #ask(): void {
    const missing = this.#wanted.filter(
      (theta): theta is Float64Array => theta !== null && !this.#frames.has(theta),
    );
    if (missing.length > 0) this.#client?.request(this.network, missing);
  }

  #notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/** A panel's text alternative: what the picture shows at this step, in words. */
export function boundaryText(
  label: string,
  frame: BoundaryFrame | null,
  model: BoundaryModel,
): string {
  const { train, test } = model.data;
  const what =
    model.head === 'classification'
      ? `${label}: the network's probability of label 1 over the inputs, its ½ line the decision boundary, with ${train.n} training examples (dots) and ${test.n} test examples (squares)`
      : `${label}: the network's prediction over the inputs, with ${train.n} training examples (rings) and ${test.n} test examples (squares)`;
  if (!frame) return `${what}; the parameters at this step are not known yet.`;
  const loss = `training loss ${frame.trainLoss.toPrecision(3)}`;
  if (frame.trainAccuracy === null) return `${what}. At this step: ${loss}.`;
  const testPart =
    frame.testAccuracy === null ? '' : `, test accuracy ${percent(frame.testAccuracy)}`;
  return `${what}. At this step: training accuracy ${percent(frame.trainAccuracy)}${testPart}, ${loss}.`;
}
