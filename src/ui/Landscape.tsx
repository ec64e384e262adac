import { useContext, useEffect, useEffectEvent, useRef } from 'react';
import type { Frame } from '../render/frame.ts';
import { useLab, useLabStore } from '../state/useLab.ts';
import type { Feed } from '../workers/feed.ts';
import type { InspectResult } from '../workers/inspectClient.ts';
import { ColourScale } from './ColourScale.tsx';
import { useFeed } from './useFeed.ts';
import { useCompiler } from './compiler.ts';
import { basinKeys } from './landscape/basinPointer.ts';
import { FunctionValues } from './landscape/functionValues.ts';
import { keyListener } from './landscape/keys.ts';
import { Painter } from './landscape/painter.ts';
import { attachPointer } from './landscape/pointer.ts';
import { ZOOM_STEP, zoomView } from './landscape/views.ts';
import { attachZoom, type Zooming } from './landscape/zoom.ts';
import type { Pipeline } from './usePipeline.ts';
import { sliceOf } from '../engine/network/scene.ts';
import { lossName, planeCaption } from './network/networkText.ts';
import { planeHover } from './network/planeReadout.ts';
import { planeKeys } from './network/planeKeys.ts';
import { SweepContext } from './useSweep.ts';

/**
 * The landscape: contours, paths and markers on one canvas, redrawn once per animation frame
 * from the store and the workers' feeds (never through React state). Wheel, drag and pinch zoom
 * and pan; the start point is dragged by pointer or moved with the arrow keys. Each concern is a
 * unit of ./landscape: drawing (painter), zoom, pointer (drag, hover), keys, f for the readout.
 */
export function Landscape({
  pipeline,
  inspection,
  onDrawn,
  onFrame,
}: {
  pipeline: Pipeline;
  /** The inspected optimizer's recorded runs, drawn as arrows at the current step. */
  inspection?: Feed<InspectResult>;
  onDrawn: () => void;
  /** Receives the canvas and frame of every drawing, for exports. */
  onFrame?: (canvas: HTMLCanvasElement, frame: Frame) => void;
}) {
  const store = useLabStore();
  // The page's sweep progress (App provides it): the basin map and seed ensemble draw from it.
  const sweep = useContext(SweepContext) ?? undefined;
  const compiler = useCompiler();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);
  const drawn = useEffectEvent(onDrawn);
  const drewFrame = useEffectEvent((canvas: HTMLCanvasElement, frame: Frame) =>
    onFrame?.(canvas, frame),
  );

  useEffect(() => {
    const canvas = canvasRef.current!;
    // Declared before the painter, whose first resize syncs it.
    let zooming: Zooming | null = null;
    const painter = new Painter(
      canvas,
      { store, pipeline, inspection, sweep },
      {
        onFrame: (c, f) => drewFrame(c, f),
        onDrawn: () => drawn(),
        onResize: () => zooming?.sync(),
      },
    );
    const frame = () => painter.frame;
    const values = new FunctionValues(store, (text) => compiler.compile(text));
    // One AbortController removes every listener when the effect ends.
    const listeners = new AbortController();
    const readout = () => readoutRef.current;
    const grabsStart = attachPointer(
      canvas,
      {
        store,
        frame,
        runs: pipeline.runs,
        values,
        readout,
        plane: (f, px, py) => planeHover(store, pipeline.runs, pipeline.network.current, f, px, py),
      },
      listeners.signal,
    );
    const plane = planeKeys(store, () => pipeline.network.current);
    const basin = basinKeys(store, frame, readout);
    canvas.addEventListener(
      'keydown',
      keyListener(store, (e) => plane(e) || basin(e)),
      {
        signal: listeners.signal,
      },
    );
    zooming = attachZoom(canvas, store, frame, grabsStart);
    zooming.sync();
    return () => {
      zooming?.dispose();
      listeners.abort();
      values.dispose();
      painter.dispose();
    };
  }, [store, compiler, pipeline, inspection, sweep]);

  const actions = store.getState().actions;
  const basins = useLab((s) => s.sweep?.view === 'basins');
  const network = useLab((s) => s.network !== null);
  // What the plane shows is the picture's (the drawn runs and field), until a newer one arrives.
  const picture = useFeed(pipeline.network);
  const slice = useLab((s) => (s.network ? sliceOf(s.network) : null));
  const through = useLab((s) => s.optimizers[slice?.run ?? 0]?.entry.label ?? '');
  const caption = picture
    ? picture.caption
    : slice && planeCaption(slice.plane, slice.loss, through);
  // A network's plane is the one its runs were projected on: reset goes back to where they lie.
  const reset = () => {
    const plane = network ? pipeline.network.current?.plane.view : undefined;
    if (plane) actions.setView(plane);
    else actions.resetView();
  };
  return (
    <figure className="landscape">
      <canvas
        ref={canvasRef}
        className="plot"
        tabIndex={0}
        role="img"
        aria-label="Loss landscape with optimizer paths"
        aria-describedby="landscape-help"
      />
      <div className="plot-tools">
        <ColourScale
          field={pipeline.field}
          name={network && picture ? lossName(picture.plane.loss) : 'f'}
        />
        <button
          type="button"
          onClick={() => actions.setView(zoomView(store.getState().view, ZOOM_STEP))}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          onClick={() => actions.setView(zoomView(store.getState().view, 1 / ZOOM_STEP))}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" onClick={reset}>
          Reset view
        </button>
      </div>
      <figcaption>
        <p className="readout" ref={readoutRef} />
        <p id="landscape-help" className="hint">
          {network && caption
            ? caption
            : basins
              ? 'Hover a start to see where it leads; click one (or focus the plot and use the arrow keys) to run from it.'
              : 'Drag to pan, wheel or pinch to zoom, drag ○ to move the start (or focus the plot and use the arrow keys).'}
        </p>
      </figcaption>
    </figure>
  );
}
