import { useId, useMemo, useState } from 'react';
import { useLab } from '../../state/useLab.ts';
import type { NetworkLayers } from '../../workers/networkProtocol.ts';
import { formatNumber } from '../format.ts';
import { SeriesChart } from '../inspect/SeriesChart.tsx';
import { StepBar } from '../inspect/StepBar.tsx';
import { layerCharts } from './layerCharts.ts';
import { LayerKey } from './LayerKey.tsx';
import { layerNames, layerRows, layerSentence, pointOf } from './layerText.ts';
import type { NetworkPicture } from './networkPicture.ts';

const value = (v: number | null) => (
  <td data-value={v ?? ''}>{v === null || Number.isNaN(v) ? '—' : formatNumber(v)}</td>
);

/**
 * Inside one run of a network scene, layer by layer: what the step at the cursor did (in words,
 * from the numbers, and as a table), and each layer's ‖g‖, ‖step‖, effective rate and ‖θ‖ over
 * the run, on charts that share the loss chart's cursor and hover.
 */
export function LayerInspector({
  picture,
  layers,
}: {
  readonly picture: NetworkPicture;
  readonly layers: NetworkLayers;
}) {
  const [chosen, setChosen] = useState(0);
  const shown = useLab((s) => s.hoverStep ?? s.playback.step);
  const cursor = useLab((s) => s.playback.step);
  const pickId = useId();
  const labels = picture.scene.optimizers.map((o) => o.label);
  const run = Math.min(chosen, layers.runs.length - 1);
  const { stats } = layers.runs[run]!;
  const names = useMemo(() => layerNames(layers.sizes), [layers]);
  const charts = useMemo(() => layerCharts(stats), [stats]);
  const steps = picture.scene.steps;
  const point = pointOf(stats, shown);
  const rows = layerRows(stats, point);
  const lr = picture.plane.runs[run]!.lr[point - 1] ?? NaN;
  return (
    <div className="layer-inspector">
      <div className="inspector-head">
        <h3>Inside {labels[run]}, layer by layer</h3>
        <span className="inspector-pick">
          <label htmlFor={pickId}>Run</label>
          <select
            id={pickId}
            value={run}
            onChange={(e) => setChosen(Number(e.currentTarget.value))}
          >
            {labels.map((label, k) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </span>
      </div>
      <StepBar
        shown={point}
        steps={steps}
        note={point === cursor ? '' : shown !== cursor ? ' (hovered)' : ' (the run stopped here)'}
      />
      <div className="inspect-why layer-why" data-step={point}>
        {layerSentence(names, stats, point, lr).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <table className="term-table layer-table" data-step={point}>
        <caption>{point === 0 ? 'θ₀, layer by layer' : `Step ${point}, layer by layer`}</caption>
        <thead>
          <tr>
            <th scope="col">layer</th>
            <th scope="col">‖θ‖</th>
            <th scope="col">‖g‖</th>
            <th scope="col">‖step‖</th>
            <th scope="col">‖step‖ / ‖g‖</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, l) => (
            <tr key={names[l]} data-layer={l}>
              <th scope="row">{names[l]}</th>
              {value(r.theta)}
              {value(r.grad)}
              {value(r.step)}
              {value(r.rate)}
            </tr>
          ))}
        </tbody>
      </table>
      <LayerKey names={names} />
      <div className="series-grid">
        {charts.map((spec) => (
          <SeriesChart key={spec.key} spec={spec} steps={steps} />
        ))}
      </div>
    </div>
  );
}
