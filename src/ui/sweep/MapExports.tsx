import { useState, type RefObject } from 'react';
import { levelsOf } from '../../engine/sweep/index.ts';
import { mapPng, mapSvg, type MapExport } from '../../render/sweep/mapExport.ts';
import { mapKeyModel } from '../../render/sweep/mapKey.ts';
import { metricScale } from '../../render/sweep/metric.ts';
import { useLabStore } from '../../state/useLab.ts';
import { saveFile, textFile } from '../download.ts';
import { readTheme } from '../LossChart.tsx';
import { useSweep } from '../useSweep.ts';
import { CellsCsv } from './CellsCsv.tsx';
import { axisNames, markerOf } from './mapMarks.ts';
import { METRIC_NAMES } from './metricText.ts';

/** Downloads of the finished map: the picture as PNG or SVG, the cells as CSV. */
export function MapExports({ canvas }: { readonly canvas: RefObject<HTMLCanvasElement | null> }) {
  const feed = useSweep();
  const store = useLabStore();
  const [message, setMessage] = useState('');

  const model = (): MapExport | string => {
    const progress = feed.current;
    const state = store.getState();
    const spec = state.sweep;
    const element = canvas.current;
    if (!progress || !spec || !element || progress.scene.sweep?.view !== 'map') {
      return 'Open the map first.';
    }
    if (!progress.done) return 'Still computing: try again when the map is complete.';
    const metric = spec.metric;
    const scale = metricScale(progress, metric, [0]);
    return {
      progress,
      metric,
      scale,
      levels: levelsOf(progress.plan.axes).length,
      names: axisNames(state.scene, progress.plan.axes),
      marker: markerOf(state.scene, progress.plan.axes),
      key: mapKeyModel(scale, METRIC_NAMES[metric], metric === 'steps_to_tol'),
      theme: readTheme(element),
      background: getComputedStyle(element).getPropertyValue('--surface').trim() || '#ffffff',
    };
  };
  const base = () => `descent-lab-${store.getState().scene.fn.id.replace(/_/g, '-')}-map`;
  const save = async (format: 'png' | 'svg') => {
    const input = model();
    if (typeof input === 'string') return setMessage(input);
    const name = `${base()}.${format}`;
    const blob = format === 'png' ? await mapPng(input) : textFile(mapSvg(input), 'image/svg+xml');
    saveFile(name, blob);
    setMessage(`Saved ${name}.`);
  };
  return (
    <div className="sweep-exports" role="group" aria-label="Export the map">
      <button
        type="button"
        className="ctl-button"
        onClick={() => void save('png').catch((e: Error) => setMessage(e.message))}
      >
        Map as PNG
      </button>
      <button type="button" className="ctl-button" onClick={() => void save('svg')}>
        Map as SVG
      </button>
      <CellsCsv view="map" />
      <span role="status" className="menu-status">
        {message}
      </span>
    </div>
  );
}
