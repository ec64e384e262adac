import { useEffect, useRef } from 'react';
import { axisValue } from '../../engine/sweep/index.ts';
import { sizeCanvas } from '../../render/canvas.ts';
import { drawCurves, type CurvePoint, type CurvesGeometry } from '../../render/sweep/curves.ts';
import { bestCell, metricScale } from '../../render/sweep/metric.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { readTheme } from '../LossChart.tsx';
import { useSweep } from '../useSweep.ts';
import { AxisFields } from './AxisFields.tsx';
import { curveChoices, pathLabel } from './axisChoices.ts';
import { curvesSummary, curvesWords, pointText } from './curvesText.ts';
import { setText } from './setText.ts';
import { canvasView } from './canvasView.ts';
import { movePoint } from './mapInput.ts';
import { SweepFigure } from './SweepFigure.tsx';
import { METRIC_NAMES } from './metricText.ts';
import { RaceButton } from './RaceButton.tsx';
import { setOptimizerValue } from './setValue.ts';

/** The curves' height in CSS pixels. */
const HEIGHT = 300;

/**
 * Learning-rate curves: the metric against the axis (lr, log, by default) for every optimizer of
 * the scene, in their colours, drawn from the sweep feed once per frame. Hover or keyboard focus
 * reads a point out; a click or Enter gives that optimizer that value.
 */
export function LrCurves() {
  const spec = useLab((s) => s.sweep);
  const scene = useLab((s) => s.scene);
  const store = useLabStore();
  const { setSweep } = useLabActions();
  if (!spec) return null;
  return (
    <div className="sweep-curves">
      <div className="sweep-controls">
        <AxisFields
          legend="Across (x)"
          axis={spec.curves.axis}
          where="sweep.curves.axis"
          choices={curveChoices(scene)}
          onAxis={(axis) => {
            const now = store.getState().sweep ?? spec;
            setSweep({ ...now, curves: { axis } });
          }}
        />
      </div>
      <CurvesFigure />
      <CurvesLegend />
      <RaceButton />
    </div>
  );
}

/** Which colour is which optimizer. */
function CurvesLegend() {
  const optimizers = useLab((s) => s.optimizers);
  return (
    <ul className="sweep-legend" aria-label="Curves">
      {optimizers.map((o) => (
        <li key={o.id}>
          <span className="swatch" style={{ background: o.entry.color }} aria-hidden="true" />
          {o.entry.label}
        </li>
      ))}
    </ul>
  );
}

function CurvesFigure() {
  const feed = useSweep();
  const store = useLabStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wordsRef = useRef<HTMLParagraphElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const readout = readoutRef.current!;
    const words = wordsRef.current!;
    let geometry: CurvesGeometry | null = null;
    let hover: CurvePoint | null = null;
    let focus: CurvePoint | null = null;
    const shown = (): SweepProgress | null => {
      const p = feed.current;
      return p && p.plan.axes.length === 1 && p.scene.sweep?.view === 'curves' ? p : null;
    };
    /** The runs' labels and colours: the store's, while it has the same optimizers. */
    const looks = (progress: SweepProgress) => {
      const current = store.getState().scene.optimizers;
      const from =
        current.length === progress.scene.optimizers.length ? current : progress.scene.optimizers;
      return { labels: from.map((o) => o.label), colours: from.map((o) => o.color) };
    };
    const draw = () => {
      const width = view.width;
      const progress = shown();
      const spec = store.getState().sweep;
      if (width <= 0 || !progress || !spec) {
        geometry = null;
        setText(readout, '');
        setText(words, '');
        canvas.setAttribute('aria-label', curvesSummary(null, 'final_loss', []));
        sizeCanvas(canvas, Math.max(1, width), 1, 1);
        return;
      }
      const metric = spec.metric;
      const { labels, colours } = looks(progress);
      const runs = labels.map((_, k) => k);
      const ctx = sizeCanvas(canvas, width, HEIGHT, window.devicePixelRatio || 1);
      const focused = document.activeElement === canvas;
      const axis = progress.plan.axes[0]!;
      geometry = drawCurves(ctx, {
        width,
        height: HEIGHT,
        progress,
        metric,
        scale: metricScale(progress, metric, runs),
        colours,
        names: { x: pathLabel(store.getState().scene, axis.path), y: METRIC_NAMES[metric] },
        best: runs.map((run) => bestCell(progress, metric, run)),
        hover,
        focus: focused ? focus : null,
        theme: readTheme(canvas),
      });
      canvas.setAttribute('aria-label', curvesSummary(progress, metric, labels));
      const point = hover ?? (focused ? focus : null);
      setText(readout, point ? pointText(progress, metric, point, labels) : '');
      setText(words, curvesWords(progress, metric, labels));
    };
    const view = canvasView(canvas, feed, store, draw, () => {
      const p = shown();
      if (p && focus && (focus.run >= p.columns.runs || focus.index >= p.columns.cells)) {
        focus = null;
      }
    });
    const apply = (point: CurvePoint) => {
      const progress = shown();
      if (!progress) return;
      const axis = progress.plan.axes[0]!;
      setOptimizerValue(store, axis.path, point.run, axisValue(axis, point.index));
    };
    view.on('pointermove', (e) => {
      const next = geometry?.pick(e.offsetX, e.offsetY) ?? null;
      if (next?.run !== hover?.run || next?.index !== hover?.index) {
        hover = next;
        view.schedule();
      }
    });
    view.on('pointerleave', () => {
      hover = null;
      view.schedule();
    });
    view.on('click', (e) => {
      const point = geometry?.pick(e.offsetX, e.offsetY) ?? null;
      if (!point) return;
      focus = point;
      apply(point);
      view.schedule();
    });
    view.on('focus', () => {
      const progress = shown();
      if (!focus && progress) {
        const start = bestCell(progress, store.getState().sweep?.metric ?? 'final_loss', 0);
        focus = { run: 0, index: Math.max(0, start) };
      }
      view.schedule();
    });
    view.on('blur', view.schedule);
    view.on('keydown', (e) => {
      const progress = shown();
      if (!progress || !focus) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        apply(focus);
        return;
      }
      const next = movePoint(
        focus,
        e.key,
        e.shiftKey,
        progress.columns.cells,
        progress.columns.runs,
      );
      if (!next) return;
      e.preventDefault();
      focus = next;
      hover = null;
      view.schedule();
    });
    return view.dispose;
  }, [feed, store]);

  return (
    <SweepFigure
      canvasRef={canvasRef}
      wordsRef={wordsRef}
      readoutRef={readoutRef}
      className="sweep-curves-canvas"
      label="Learning-rate curves"
      hint="One run per optimizer and value; a ring marks each optimizer’s best, × a run that diverged. Focus the chart and use the arrow keys (↑ ↓ change optimizer); Enter or a click gives that optimizer that value."
    />
  );
}
