import { useEffect, useRef, type PointerEvent } from 'react';
import { sizeCanvas } from '../../render/canvas.ts';
import { drawSeriesChart } from '../../render/chart/seriesChart.ts';
import { useLabStore } from '../../state/useLab.ts';
import { clearHover, hoverFromPointer } from '../chartHover.ts';
import { readTheme } from '../LossChart.tsx';
import { COORD_STYLE, type ChartSpec } from './chartList.ts';
import { observeWidth } from '../observeWidth.ts';

/** The chart's height in CSS pixels. */
const HEIGHT = 132;

/**
 * One inspector time series against step, sharing the loss chart's cursor and hover: it redraws
 * from transient store subscriptions, and a pointer over it sets the page's hovered step.
 */
export function SeriesChart({ spec, steps }: { readonly spec: ChartSpec; readonly steps: number }) {
  const store = useLabStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let request = 0;
    const draw = () => {
      request = 0;
      const width = size.current;
      if (width <= 0) return;
      const s = store.getState();
      const ctx = sizeCanvas(canvas, width, HEIGHT, window.devicePixelRatio || 1);
      drawSeriesChart(ctx, {
        width,
        height: HEIGHT,
        steps,
        series: spec.series,
        prefer: spec.prefer,
        name: spec.name,
        cursor: s.playback.step,
        hoverStep: s.hoverStep,
        theme: readTheme(canvas),
      });
    };
    const schedule = () => {
      if (request === 0) request = requestAnimationFrame(draw);
    };
    const unstore = store.subscribe((s, prev) => {
      if (s.playback.step !== prev.playback.step || s.hoverStep !== prev.hoverStep) schedule();
    });
    const size = observeWidth(canvas, schedule);
    schedule();
    return () => {
      cancelAnimationFrame(request);
      unstore();
      size.disconnect();
    };
  }, [store, spec, steps]);

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>) =>
    hoverFromPointer(store, event, HEIGHT, steps);
  const onPointerLeave = () => clearHover(store);

  return (
    <figure className="series-chart">
      <figcaption>
        {spec.title}
        {spec.perCoordinate && (
          <span className="series-key" aria-hidden="true">
            {COORD_STYLE.map((c) => (
              <span key={c.name} className={`series-key-${c.name}`}>
                {c.name}
              </span>
            ))}
          </span>
        )}
      </figcaption>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`${spec.title} against step${spec.perCoordinate ? ', x solid, y dashed' : ''}`}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
      />
    </figure>
  );
}
