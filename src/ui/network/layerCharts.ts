import type { LayerStats } from '../../engine/network/layerStats.ts';
import type { ChartSpec } from '../inspect/chartList.ts';

/** Line styles of the layers (up to three hidden ones and the output): hue and dash differ. */
export const LAYER_STYLE = [
  { color: '#0072b2', dash: [] as number[] },
  { color: '#d55e00', dash: [6, 3] },
  { color: '#009e73', dash: [2, 2] },
  { color: '#cc79a7', dash: [8, 3, 2, 3] },
] as const;

/** A per-step series (index k: step k + 1) as a chart draws it: entry k at step k, none at 0. */
function atSteps(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length + 1);
  out[0] = NaN;
  out.set(values, 1);
  return out;
}

/**
 * The layer inspector's charts against step, one line a layer: ‖g‖, ‖step‖, the effective rate
 * ‖step‖/‖g‖ (log scales) and ‖θ‖ (point k at step k).
 */
export function layerCharts(stats: LayerStats): ChartSpec[] {
  const lines = (arrays: readonly Float64Array[], shift: boolean) =>
    arrays.map((a, l) => ({
      values: shift ? atSteps(a) : a,
      color: LAYER_STYLE[l % LAYER_STYLE.length]!.color,
      dash: LAYER_STYLE[l % LAYER_STYLE.length]!.dash,
    }));
  const chart = (
    key: string,
    title: string,
    name: string,
    prefer: ChartSpec['prefer'],
    series: ChartSpec['series'],
  ): ChartSpec => ({ key, title, name, prefer, series, perCoordinate: false });
  return [
    ...(stats.grad
      ? [chart('grad', '‖g‖, each layer’s gradient', '‖g‖', 'log', lines(stats.grad, true))]
      : []),
    chart('step', '‖step‖, each layer’s step', '‖Δθ‖', 'log', lines(stats.step, true)),
    ...(stats.rate
      ? [chart('rate', 'effective rate ‖step‖ / ‖g‖', 'rate', 'log', lines(stats.rate, true))]
      : []),
    chart(
      'theta',
      '‖θ‖, each layer’s weights and biases',
      '‖θ‖',
      'linear',
      lines(stats.theta, false),
    ),
  ];
}
