import type { Dataset } from '../engine/data/examples.ts';
import type { Network } from '../engine/network/model.ts';
import { fastNetwork } from '../engine/network/wasm/fastNetwork.ts';
import { networkTraining } from '../engine/network/scene.ts';
import { LineLoss, lineTs } from '../engine/network/slice.ts';
import { errorMessage } from './errorMessage.ts';
import { TaskedJob } from './taskedJob.ts';
import type { LineAnswer, LineRequest } from './lineProtocol.ts';
import type { NetworkHost } from './networkService.ts';

/** NetworkService's host, posting line answers. */
export type LineHost = Omit<NetworkHost, 'post'> & {
  post(message: LineAnswer, transfer: Transferable[]): void;
};

/** What the line needs of a scene's network, kept for the next request of the same network. */
interface Model {
  readonly key: string;
  readonly net: Network;
  readonly data: Dataset;
}

/**
 * The network worker's "Between two ends": the full-batch training (and test) loss at each t of
 * lineTs(points) along the line between two runs' last points (LineLoss, as `descent-lab slice
 * --plane line`), one t a piece, in TaskedJob's tasks beside NetworkService's: a line never
 * stops the scene's training or slicing, and a newer line (or a cancel) replaces an older one
 * within a task. It shares the worker's host with NetworkService; its answers have their own kinds.
 */
export class LineService {
  /** A line's job never throws (a bad request is answered as a lineError). */
  readonly #jobs: TaskedJob;
  #model: Model | null = null;

  constructor(private readonly host: LineHost) {
    this.#jobs = new TaskedJob(host, (error) => {
      throw error;
    });
  }

  /** Takes a line request: it replaces the one in progress. */
  receive(request: LineRequest): void {
    this.#jobs.start(this.#compute(request));
  }

  /** Drops the line in progress (the page left the network scene). */
  cancel(): void {
    this.#jobs.stop();
  }

  *#compute(request: LineRequest): Generator<void, void, void> {
    const { requestId, a, b, points } = request;
    const t0 = this.host.now();
    let answer: LineAnswer;
    try {
      const { net, data } = this.#modelOf(request);
      if (a.length !== net.count || b.length !== net.count) {
        throw new Error(`the runs’ ends must have the network’s ${net.count} parameters`);
      }
      if (!Number.isInteger(points) || points < 2) throw new Error('a line needs 2 points or more');
      const t = lineTs(points);
      const train = new Float64Array(points);
      const test = data.test.n > 0 ? new Float64Array(points) : null;
      const onTrain = new LineLoss(net, data.train, a, b);
      const onTest = test && new LineLoss(net, data.test, a, b);
      for (let k = 0; k < points; k++) {
        train[k] = onTrain.at(t[k]!);
        if (test) test[k] = onTest!.at(t[k]!);
        yield;
      }
      answer = { type: 'line', requestId, t, train, test, ms: this.host.now() - t0 };
    } catch (error) {
      answer = { type: 'lineError', requestId, message: errorMessage(error) };
    }
    const transfer = answer.type === 'line' ? [answer.t, answer.train, answer.test] : [];
    this.host.post(
      answer,
      transfer.flatMap((x) => (x ? [x.buffer] : [])),
    );
  }

  /** The network and data of the request's scene: the last ones again for the same network. */
  #modelOf({ scene }: LineRequest): Model {
    if (!scene.network) throw new Error('the scene has no network');
    const key = JSON.stringify(scene.network);
    if (this.#model?.key === key) return this.#model;
    const { arch, data } = networkTraining(scene, scene.network);
    this.#model = { key, net: fastNetwork(arch), data };
    return this.#model;
  }
}
