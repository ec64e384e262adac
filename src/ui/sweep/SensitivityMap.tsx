import { useEffect, useId, useRef } from 'react';
import { cellScene, defaultMapAxes, levelsOf } from '../../engine/sweep/index.ts';
import type { Axis, SweepSpec } from '../../engine/sweep/types.ts';
import { sizeCanvas } from '../../render/canvas.ts';
import { createSweepMap } from '../../render/sweep/map.ts';
import type { MapGeometry } from '../../render/sweep/mapGeometry.ts';
import { drawMapKey, MAP_KEY_HEIGHT, mapKeyModel } from '../../render/sweep/mapKey.ts';
import { metricScale } from '../../render/sweep/metric.ts';
import type { LabStore } from '../../state/store.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { readTheme } from '../LossChart.tsx';
import { useSweep } from '../useSweep.ts';
import { AxisFields } from './AxisFields.tsx';
import { mapChoices } from './axisChoices.ts';
import { axisNames, markerOf } from './mapMarks.ts';
import { mapHeight, moveFocus } from './mapInput.ts';
import { cellText, mapSummary, mapWords } from './mapText.ts';
import { MapExports } from './MapExports.tsx';
import { OptimizerOptions } from './OptimizerOptions.tsx';
import { setText } from './setText.ts';
import { canvasView } from './canvasView.ts';
import { attachPicking } from './picking.ts';
import { SweepFigure } from './SweepFigure.tsx';
import { METRIC_NAMES } from './metricText.ts';

/**
 * The sensitivity map: two axes of settings, each cell coloured by the metric of its run. Drawn
 * from the sweep feed once per animation frame (never through React state); hover or keyboard
 * focus reads a cell out, and a click or Enter loads its setting into the scene.
 */
export function SensitivityMap() {
  const spec = useLab((s) => s.sweep);
  if (!spec) return null;
  return (
    <div className="sweep-map">
      <MapControls spec={spec} />
      <MapFigure />
    </div>
  );
}

/** The optimizer the map runs, and its two axes. */
function MapControls({ spec }: { readonly spec: SweepSpec }) {
  const store = useLabStore();
  const scene = useLab((s) => s.scene);
  const { setSweep } = useLabActions();
  const id = useId();
  const { axes, optimizer } = spec.map;
  const current = () => store.getState().sweep ?? spec;
  const setAxis = (k: 0 | 1, axis: Axis) => {
    const now = current();
    const next: [Axis, Axis] = [...now.map.axes];
    next[k] = axis;
    setSweep({ ...now, map: { ...now.map, axes: next } });
  };
  const choices = mapChoices(scene, optimizer);
  return (
    <div className="sweep-controls">
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={`${id}-optimizer`}>
          Optimizer
        </label>
        <select
          id={`${id}-optimizer`}
          className="ctl-select"
          value={optimizer}
          onChange={(e) => {
            const index = Number(e.target.value);
            const now = current();
            setSweep({
              ...now,
              map: { optimizer: index, axes: defaultMapAxes(store.getState().scene, index) },
            });
          }}
        >
          <OptimizerOptions />
        </select>
      </div>
      <AxisFields
        legend="Across (x)"
        axis={axes[0]}
        where="sweep.map.axes[0]"
        choices={choices}
        onAxis={(a) => setAxis(0, a)}
      />
      <AxisFields
        legend="Up (y)"
        axis={axes[1]}
        where="sweep.map.axes[1]"
        choices={choices}
        onAxis={(a) => setAxis(1, a)}
      />
    </div>
  );
}

/** The map's canvas (with its colour key), words for empty pictures, the readout and exports. */
function MapFigure() {
  const feed = useSweep();
  const store = useLabStore();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wordsRef = useRef<HTMLParagraphElement>(null);
  const readoutRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const readout = readoutRef.current!;
    const words = wordsRef.current!;
    const map = createSweepMap();
    let geometry: MapGeometry | null = null;
    /** Levels of the shown progress's axes, computed once per sweep. */
    let levels = { id: -1, count: 0 };
    const shown = (): SweepProgress | null => {
      const p = feed.current;
      return p && p.plan.axes.length === 2 && p.scene.sweep?.view === 'map' ? p : null;
    };
    const draw = () => {
      const width = view.width;
      const progress = shown();
      const state = store.getState();
      const spec = state.sweep;
      if (width <= 0 || !progress || !spec) {
        geometry = null;
        setText(readout, '');
        setText(words, '');
        canvas.setAttribute('aria-label', mapSummary(null, 'final_loss', { x: '', y: '' }));
        sizeCanvas(canvas, Math.max(1, width), 1, 1);
        return;
      }
      if (levels.id !== progress.id) {
        levels = { id: progress.id, count: levelsOf(progress.plan.axes).length };
      }
      const metric = spec.metric;
      const names = axisNames(state.scene, progress.plan.axes);
      const scale = metricScale(progress, metric, [0]);
      const height = mapHeight(width);
      const ctx = sizeCanvas(canvas, width, height + MAP_KEY_HEIGHT, window.devicePixelRatio || 1);
      const theme = readTheme(canvas);
      const { hover, focus } = picked;
      geometry = map.draw(ctx, {
        width,
        height,
        progress,
        metric,
        scale,
        levels: levels.count,
        names,
        marker: markerOf(state.scene, progress.plan.axes),
        focus,
        hover,
        theme,
      });
      const key = mapKeyModel(scale, METRIC_NAMES[metric], metric === 'steps_to_tol');
      drawMapKey(ctx, key, height, geometry.plot.left, width, theme);
      canvas.setAttribute('aria-label', mapSummary(progress, metric, names));
      const cell = hover ?? focus;
      setText(readout, cell === null ? '' : cellText(progress, metric, cell, names));
      setText(words, mapWords(progress, metric));
    };
    const view = canvasView(canvas, feed, store, draw);
    const picked = attachPicking<number>(view, canvas, {
      pick: (px, py) => {
        const cell = geometry?.cellAt(px, py) ?? -1;
        return cell >= 0 ? cell : null;
      },
      move: (cell, key, shift) => {
        const [ax, ay] = shown()?.plan.axes ?? [];
        return ax && ay ? moveFocus(cell, key, shift, ax.count, ay.count) : null;
      },
      start: () => (shown() ? startFocus(store, shown(), geometry) : null),
      valid: (cell) => cell < (shown()?.columns.cells ?? 0),
      same: (a, b) => a === b,
      // The cell's own scene: the link follows, and the map is not recomputed for it.
      activate: (cell) => {
        const progress = shown();
        if (!progress) return;
        const state = store.getState();
        state.actions.loadScene(cellScene(state.scene, progress.plan.axes, cell));
      },
    });
    return view.dispose;
  }, [feed, store]);

  return (
    <SweepFigure
      canvasRef={canvasRef}
      wordsRef={wordsRef}
      readoutRef={readoutRef}
      className="sweep-map-canvas"
      label="Sensitivity map"
      hint="Each cell is one run of the scene with those two settings; ○ marks the scene’s own. Hover a cell to read it, click it (or focus the map, move with the arrow keys and press Enter) to load that setting into the scene."
    >
      <MapExports canvas={canvasRef} />
    </SweepFigure>
  );
}

/** Where keyboard focus starts: the cell under the scene's own setting, else the first. */
function startFocus(
  store: LabStore,
  progress: SweepProgress | null,
  g: MapGeometry | null,
): number {
  if (!progress || !g) return 0;
  const marker = markerOf(store.getState().scene, progress.plan.axes);
  if (!marker) return 0;
  const cell = g.cellAt(g.x(marker[0]), g.y(marker[1]));
  return cell >= 0 ? cell : 0;
}
