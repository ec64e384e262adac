import { sameBox } from '../../engine/box.ts';
import { functionOf } from '../../engine/functions/index.ts';
import type { Scene } from '../../engine/scene.ts';
import { sizeCanvas } from '../../render/canvas.ts';
import { createPlot } from '../../render/draw.ts';
import {
  makeFrame,
  plotHeight,
  type Frame,
  type SweepPicture,
  type Theme,
} from '../../render/frame.ts';
import { shownBasins } from '../../render/layers/basins.ts';
import { shownEnsemble } from '../../render/layers/ensemble.ts';
import { inspectGeometry } from '../../render/layers/inspect.ts';
import { phaseMarksOf } from '../../render/layers/phaseMarks.ts';
import { selectScene, type LabStore } from '../../state/store.ts';
import type { Feed } from '../../workers/feed.ts';
import type { InspectResult } from '../../workers/inspectClient.ts';
import { describeScene } from '../format.ts';
import { currentInspection } from '../inspect/useInspection.ts';
import { observeWidth, type ObservedWidth } from '../observeWidth.ts';
import type { Pipeline } from '../usePipeline.ts';
import { FrameLoop } from './frameLoop.ts';
import { markFrame } from './frameMark.ts';
import { baseView } from './views.ts';
import { describePlane } from '../network/networkText.ts';
import { planeContent } from '../network/planeContent.ts';
import { sliceOf } from '../../engine/network/scene.ts';

function readTheme(canvas: HTMLCanvasElement): Theme {
  const style = getComputedStyle(canvas);
  return {
    text: style.getPropertyValue('--plot-text').trim() || '#1b1b1f',
    axis: style.getPropertyValue('--plot-axis').trim() || '#55555f',
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

/** The computed and total cells of a sweep a frame shows, and its view; null for none. */
function sweepDrawn(picture: SweepPicture | null) {
  if (!picture) return null;
  const { level, scene, computed } = picture;
  return { cells: computed, of: level.length, view: scene.view };
}

/** What the landscape draws from: the store, the workers' feeds, the inspected run. */
export interface PainterSources {
  readonly store: LabStore;
  readonly pipeline: Pipeline;
  readonly inspection?: Feed<InspectResult>;
  /** The newest sweep's progress, for the basin map and seed ensemble layers. */
  readonly sweep?: Feed<SweepPicture | null>;
}

/** What the painter tells the component. */
export interface PainterHooks {
  /** After every drawing, with its frame (exports read it). */
  onFrame(canvas: HTMLCanvasElement, frame: Frame): void;
  /** After a drawing with the field and every run complete. */
  onDrawn(): void;
  /** After the canvas changed width, once it has been drawn at the new size. */
  onResize(): void;
}

/**
 * Draws the landscape on `canvas`, once per animation frame at most, whenever the store, a feed
 * or the colour scheme changes; never through React. Owns the canvas's plot (its layers and their
 * bookkeeping) and the last frame drawn, which pointer and zoom handling map coordinates with.
 */
export class Painter {
  readonly #loop = new FrameLoop(() => this.#draw());
  readonly #plot = createPlot();
  readonly #width: ObservedWidth;
  readonly #stop: (() => void)[];
  #theme: Theme;
  #frame: Frame | null = null;
  /** The scene the canvas's description was written for. */
  #described: Scene | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly sources: PainterSources,
    private readonly hooks: PainterHooks,
  ) {
    this.#theme = readTheme(canvas);
    this.#width = observeWidth(canvas, () => {
      this.#loop.now();
      hooks.onResize();
    });
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => {
      this.#theme = readTheme(canvas);
      this.#loop.schedule();
    };
    scheme.addEventListener('change', onScheme);
    const { store, pipeline, inspection, sweep } = sources;
    this.#stop = [
      sweep?.subscribe(this.#loop.schedule) ?? (() => {}),
      store.subscribe(this.#loop.schedule),
      pipeline.runs.subscribe(this.#loop.schedule),
      pipeline.field.subscribe(this.#loop.schedule),
      inspection?.subscribe(this.#loop.schedule) ?? (() => {}),
      () => scheme.removeEventListener('change', onScheme),
      () => this.#width.disconnect(),
    ];
    this.#loop.now();
  }

  /** The last frame drawn, or null before the first. */
  get frame(): Frame | null {
    return this.#frame;
  }

  /** Stops drawing and following the sources. */
  dispose(): void {
    this.#loop.dispose();
    for (const stop of this.#stop) stop();
  }

  /** Draws one frame; returns when the paths want another (see FrameLoop). */
  #draw(): number | null {
    const width = this.#width.current;
    if (width <= 0) return null;
    const { canvas, hooks } = this;
    const { store, pipeline, inspection, sweep } = this.sources;
    const state = store.getState();
    const scene = selectScene(state);
    const fn = functionOf(scene.fn);
    const height = plotHeight(width, baseView(state));
    const ctx = sizeCanvas(canvas, width, height, window.devicePixelRatio || 1);
    const runs = pipeline.runs.current;
    const field = pipeline.field.current;
    const network = scene.network;
    const picture = network ? pipeline.network.current : null;
    const frame = makeFrame(
      width,
      height,
      scene.view,
      {
        scene,
        minima: fn && !network ? fn.minima(scene.fn.params) : [],
        runs,
        // Hidden flags follow the store's order, which is the run set's once it is current.
        hidden: state.optimizers.map((o) => o.hidden),
        field,
        cursor: state.playback.step,
        hoverStep: state.hoverStep,
        // The inspector and the sweeps work on the function: a network scene shows neither.
        inspection: inspection && !network ? currentInspection(inspection, state) : null,
        sweep: network ? null : (sweep?.current ?? null),
        ...(network
          ? { plane: planeContent(picture, sliceOf(network).plane, sliceOf(network).loss) }
          : {}),
      },
      this.#theme,
    );
    this.#frame = frame;
    const t0 = performance.now();
    this.#plot.draw(ctx, frame);
    const drawMs = performance.now() - t0;
    // What the inspect layer drew, for tests and tools that cannot read pixels.
    // Written only when it changes: an attribute write every frame of a playback invalidates style.
    const geometry = inspectGeometry(frame);
    const arrows = geometry ? JSON.stringify(geometry) : '';
    if (canvas.dataset['inspect'] !== arrows) canvas.dataset['inspect'] = arrows;
    const shown = phaseMarksOf(frame);
    const marks = shown.length ? JSON.stringify(shown.map(({ run, from }) => [run, from])) : '';
    if (canvas.dataset['phases'] !== marks) canvas.dataset['phases'] = marks;
    // A network plane's axis names as drawn ("PC1 (…)", "random direction 1"), for the same.
    const axes = frame.content.plane?.axes.join(' | ') ?? '';
    if (canvas.dataset['axes'] !== axes) canvas.dataset['axes'] = axes;
    hooks.onFrame(canvas, frame);
    // Paths drawn in draft while they changed get a full-quality frame once they settle.
    const wait = this.#plot.settlesIn();
    // The description changes with the scene, not with every frame of a playback.
    if (scene !== this.#described) {
      this.#described = scene;
      canvas.setAttribute(
        'aria-label',
        network
          ? describePlane(scene, network)
          : describeScene(scene, fn?.name ?? scene.fn.id, frame.content.minima),
      );
    }
    markFrame({
      runId: runs?.runId ?? 0,
      // Points of each run's path known (a path sketched on the page is whole before its losses).
      paths: runs?.runs.map((r) => r.pathLength) ?? [],
      ms: drawMs,
      // False while some path is drawn in draft (it changed under 200 ms ago).
      settled: wait === null,
      // True when some path was drawn in draft, also a run still computing (no timer waits).
      drafted: this.#plot.drafted(),
      field: field !== null,
      fieldCurrent: field !== null && sameBox(field.view, scene.view),
      // The basin map or seed ensemble drawn, if any: its computed cells of all (benchmarks
      // time their arrival; tests wait for them).
      basins: sweepDrawn(shownBasins(frame)),
      seeds: sweepDrawn(shownEnsemble(frame)),
    });
    if (field && runs?.complete) hooks.onDrawn();
    return wait;
  }
}
