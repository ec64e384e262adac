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
import { CellsCsv } from './CellsCsv.tsx';
import { attachPicking } from './picking.ts';
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
      <div className="sweep-exports" role="group" aria-label="Export the curves">
        <CellsCsv view="curves" />
      </div>
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
      const { hover, focus } = picked;
      const scale = metricScale(progress, metric, runs);
      const yName = `${METRIC_NAMES[metric]}${scale.kind === 'linear' ? '' : ` (${scale.kind})`}`;
      const axis = progress.plan.axes[0]!;
      geometry = drawCurves(ctx, {
        width,
        height: HEIGHT,
        progress,
        metric,
        scale,
        colours,
        names: { x: pathLabel(store.getState().scene, axis.path), y: yName },
        best: runs.map((run) => bestCell(progress, metric, run)),
        hover,
        focus,
        theme: readTheme(canvas),
      });
      canvas.setAttribute('aria-label', curvesSummary(progress, metric, labels));
      const point = hover ?? focus;
      setText(readout, point ? pointText(progress, metric, point, labels) : '');
      setText(words, curvesWords(progress, metric, labels));
    };
    const view = canvasView(canvas, feed, store, draw);
    const picked = attachPicking<CurvePoint>(view, canvas, {
      pick: (px, py) => geometry?.pick(px, py) ?? null,
      move: (at, key, shift) => {
        const p = shown();
        return p ? movePoint(at, key, shift, p.columns.cells, p.columns.runs) : null;
      },
      // Focus starts on the first optimizer's best value.
      start: () => {
        const p = shown();
        if (!p) return null;
        const best = bestCell(p, store.getState().sweep?.metric ?? 'final_loss', 0);
        return { run: 0, index: Math.max(0, best) };
      },
      valid: (at) => {
        const p = shown();
        return p !== null && at.run < p.columns.runs && at.index < p.columns.cells;
      },
      same: (a, b) => a.run === b.run && a.index === b.index,
      // That optimizer takes that value, as its card's control would give it.
      activate: (at) => {
        const axis = shown()?.plan.axes[0];
        if (axis) setOptimizerValue(store, axis.path, at.run, axisValue(axis, at.index));
      },
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
      hint="One run per optimizer and value; a ring marks each optimizer’s best, × a run that diverged, and a loss above the start’s sits on the top edge. Focus the chart and use the arrow keys (↑ ↓ change optimizer); Enter or a click gives that optimizer that value."
    />
  );
}
