import { sameBox } from '../../engine/box.ts';
import type { Scene } from '../../engine/scene.ts';
import type { Box } from '../../engine/types.ts';
import type { LabStore } from '../../state/store.ts';
import { networkWorkProblem } from '../../preset/network.ts';
import {
  NETWORK_WORKERS,
  NetworkClient,
  type NetworkEvents,
  type NetworkWorkers,
} from '../../workers/networkClient.ts';
import { RunSet } from '../../workers/runs.ts';
import type { Slicing } from '../../workers/networkProtocol.ts';
import type { Pipeline } from '../usePipeline.ts';
import { endOf, type LineChoice } from './lineChannel.ts';
import { NetworkPicture } from './networkPicture.ts';

/**
 * How the plane is sliced: 16² first (~60–130 ms for [2, 8, 8, 1] on 375 examples here), then
 * the largest grid up to 64² that the cost model (lossCostMs) says takes ~0.6 s in this machine's
 * Node: 64² for the default network scene and for [2, 16, 16, 1] on 1,000 examples, 24² for
 * [2, 28, 28, 28, 1] on 10,000. A drag's picture waits for the slicing, so a finer grid would cost
 * freshness.
 */
export const NETWORK_SLICING: Slicing = { grids: [16, 64], levels: 24, budgetMs: 600 };

/**
 * Samples of t on a line between two runs' ends, from −0.5 to 1.5 (lineTs): every 0.025, 0 and 1
 * among them (4 divides 80), as `descent-lab slice --plane line --grid 81`.
 */
export const LINE_POINTS = 81;

/**
 * A network scene's way through the page: the scene goes to the network worker, and what comes
 * back enters the feeds every view already draws from: the runs (x, y = α, β on the runs'
 * principal plane; f = full-batch training loss; testF = test loss) into the run feed, the loss on
 * the plane into the field feed, the progress into the status, and the parameters and distances
 * into the pipeline's `network` feed, all with the plane's first (coarse) field. The view moves to
 * the part of the plane that holds the paths. While a newer scene computes, the last complete one
 * stays on screen: a drag's requests cancel each other, so it updates once the drag pauses.
 */
export class NetworkRoute {
  readonly #client: NetworkClient;
  #runId = 0;
  /** The line choice the worker computes, until its result arrives. */
  #lineChoice: LineChoice | null = null;
  readonly #stopLine: () => void;

  constructor(
    private readonly pipeline: Pipeline,
    private readonly store: LabStore,
    workers: NetworkWorkers = NETWORK_WORKERS,
  ) {
    const { runs, field, status, fieldError, network } = pipeline;
    // The runs of a new plane wait for its first field: drawn over the old plane's contours,
    // they would sit on a landscape that is not theirs.
    let waiting: { set: RunSet; picture: NetworkPicture } | null = null;
    let scene: Scene | null = null;
    const events: NetworkEvents = {
      progress: (detail) => status.publish({ phase: 'computing', detail }),
      runs: (s, plane, ms, fromTrainer) => {
        performance.mark('descent-lab:network-runs', { detail: { ms, fromTrainer } });
        scene = s;
        const set = new RunSet(++this.#runId, s);
        plane.runs.forEach((r, k) =>
          set.fill(k, {
            x: r.alpha,
            y: r.beta,
            f: r.loss,
            testF: r.testLoss,
            lr: r.lr,
            length: r.loss.length,
            divergedAt: r.divergedAt,
          }),
        );
        waiting = { set, picture: new NetworkPicture(s, plane) };
      },
      field: (f, final, ms) => {
        performance.mark('descent-lab:network-field', { detail: { ms, final, n: f.n } });
        // The field first: the view set below is then one already sliced (see view()).
        field.publish(f);
        if (waiting) {
          network.publish(waiting.picture);
          this.store.getState().actions.setView(waiting.picture.plane.view);
          runs.publish(waiting.set);
          waiting = null;
        }
        if (fieldError.current !== null) fieldError.publish(null);
        if (final && scene) status.publish({ phase: 'ready', ms, scene });
      },
      layers: (s, layers, ms, computeMs) => {
        performance.mark('descent-lab:network-layers', { detail: { ms, computeMs } });
        const picture = waiting?.picture ?? network.current;
        if (picture?.scene !== s) return;
        picture.addLayers(layers);
        if (!waiting) network.publish(picture);
      },
      error: (message) => {
        waiting = null;
        status.publish({ phase: 'error', message });
      },
      line: (answer) => {
        const choice = this.#lineChoice;
        if (!choice) return;
        if (answer.type === 'line') {
          performance.mark('descent-lab:line', { detail: { ms: answer.ms, n: answer.t.length } });
        }
        this.#lineChoice = null;
        pipeline.line.result.publish(
          answer.type === 'line'
            ? { choice, t: answer.t, train: answer.train, test: answer.test, ms: answer.ms }
            : { choice, error: answer.message },
        );
      },
    };
    this.#client = new NetworkClient(events, workers.network, workers.trainer);
    const { asked } = pipeline.line;
    this.#stopLine = asked.subscribe(() => this.#line(asked.current));
    // A choice made before this route existed (the view's effects run before the pipeline's).
    if (asked.current) this.#line(asked.current);
  }

  /** Sends the view's newest line choice to the worker (copies of the two ends go). */
  #line(choice: LineChoice | null): void {
    this.#lineChoice = choice;
    if (!choice) return;
    const { picture, from, to } = choice;
    this.#client.line({
      scene: picture.scene,
      from,
      to,
      a: endOf(picture, from),
      b: endOf(picture, to),
      points: LINE_POINTS,
    });
  }

  /** Trains and slices `scene` (which has a network); older work is dropped. */
  show(scene: Scene): void {
    // User timing marks let benchmarks tie requests to what arrives (bench/networkPage.bench.ts).
    performance.mark('descent-lab:network-request');
    // A scene the preset reader would refuse (steps or optimizers added on the page): said, not sent.
    const work = networkWorkProblem(scene.network!, scene.optimizers.length, scene.steps);
    if (work) {
      this.#client.cancel();
      this.pipeline.status.publish({ phase: 'error', message: `This network ${work}.` });
      return;
    }
    // No status here: the worker's first word ("Training (0 of 3 done)…") follows within a task, and a
    // drag's every step would otherwise flip the status line (announced on each change).
    this.#client.request(scene, NETWORK_SLICING);
  }

  /** Slices the shown plane over `view` (a zoom, a pan, a reset) unless its field is drawn. */
  view(view: Box): void {
    const shown = this.pipeline.field.current;
    if (this.pipeline.network.current && !(shown && sameBox(shown.view, view))) {
      this.#client.view(view, NETWORK_SLICING);
    }
  }

  /** The scene has no network (any more): stop, and forget the network's runs. */
  leave(): void {
    this.#client.cancel();
    if (this.pipeline.network.current !== null) this.pipeline.network.publish(null);
  }

  dispose(): void {
    this.#stopLine();
    this.#client.dispose();
  }
}
