import type { Scene } from '../../engine/scene.ts';
import type { NetworkLayers, PlaneRun, PlaneRuns } from '../../workers/networkProtocol.ts';

/**
 * A network scene's runs as the page holds them once the worker sent them: their projections on
 * the runs' principal plane, each point's distance from it and every point's parameters. The
 * landscape draws the projections through the ordinary run feed; this keeps what only a network
 * has. Never in React state: panels read it from the pipeline's `network` feed.
 */
export class NetworkPicture {
  /** θ rows handed out, by run and point: the same view for the same step, so caches keyed by it hit. */
  readonly #rows = new Map<number, Float64Array>();
  #layers: NetworkLayers | null = null;

  constructor(
    /** The scene these runs belong to (the store's may be newer). */
    readonly scene: Scene,
    readonly plane: PlaneRuns,
  ) {}

  /**
   * Run `run`'s parameter vector after `step` steps (point 0 is θ₀), as a view into the run's
   * rows: no copy, so do not write to it; the same view each time for the same point. A step past a diverged run's last finite point gives
   * that point (the one its ✕ marks), as the paths show it; null for no such run or no point.
   * The layout is `layoutOf(arch)`'s (torch's named_parameters() order).
   */
  theta(run: number, step: number): Float64Array | null {
    const r = this.plane.runs[run];
    const k = r ? Math.min(Math.max(0, Math.floor(step)), pointsOf(r) - 1) : -1;
    if (!r || k < 0) return null;
    const key = run * 0x100000 + k; // points per run ≤ steps + 1 ≤ 100,001 < 2^20
    let row = this.#rows.get(key);
    if (!row) this.#rows.set(key, (row = r.params.subarray(k * r.count, (k + 1) * r.count)));
    return row;
  }

  /** The runs' per-layer statistics and sharpness, once the worker sent them (after the runs). */
  get layers(): NetworkLayers | null {
    return this.#layers;
  }

  /** Keeps the runs' layers (the route then publishes the picture again: it grew). */
  addLayers(layers: NetworkLayers): void {
    this.#layers = layers;
  }

  /** How far point `step` of run `run` lies off the plane (‖θ − its projection‖), or null. */
  distance(run: number, step: number): number | null {
    const r = this.plane.runs[run];
    return r && step >= 0 && step < pointsOf(r) ? r.distance[step]! : null;
  }

  /** The axis names: each principal component with the share of variance it explains. */
  get axisNames(): readonly [string, string] {
    const [a, b] = this.plane.explained;
    return [`PC1 (${percent(a)} of variance)`, `PC2 (${percent(b)} of variance)`];
  }
}

/** The points a run has: its losses' count (a diverged run's stop early). */
const pointsOf = (r: PlaneRun): number => r.loss.length;

const percent = (share: number): string => `${(100 * share).toFixed(share < 0.01 ? 1 : 0)}%`;
