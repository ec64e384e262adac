import { select, type Selection } from 'd3-selection';
import type { Barrier } from '../../engine/network/barrier.ts';
import { extendExtent, emptyExtent } from '../chart/extent.ts';
import { axisLabel } from '../chart/format.ts';
import { chooseYScale, forward, yTicks } from '../chart/scale.ts';
import { tickLabel, ticks } from '../ticks.ts';

/** One end of the line: the run whose last point it is. */
export interface LineEnd {
  readonly label: string;
  readonly colour: string;
}

/** Everything one drawing of the line between two runs' ends needs; sizes in CSS pixels. */
export interface LineInput {
  readonly width: number;
  readonly height: number;
  /** The samples of t (ascending) and the losses there; test null without a test set. */
  readonly t: Float64Array;
  readonly train: Float64Array;
  readonly test: Float64Array | null;
  /** The runs at t = 0 and t = 1. */
  readonly ends: readonly [LineEnd, LineEnd];
  /** lineBarrier of the training loss, or null (a loss on [0, 1] not finite). */
  readonly barrier: Barrier | null;
  /** The hovered sample's index, or null. */
  readonly hover: number | null;
}

/** Where a drawing put things: the hovered sample from a pointer's x. */
export interface LineGeometry {
  /** The index of the sample nearest the pointer's x (CSS pixels from the SVG's left edge). */
  indexAt(x: number): number;
}

/** The dash of a test-loss curve: the loss chart's (render/lossChart.ts TEST_DASH). */
const TEST_DASH = '4 3';
const MARGIN = { left: 52, right: 14, top: 26, bottom: 34 };

type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/**
 * The losses along the line between two runs' ends, drawn with d3 into an SVG: the training loss
 * solid and the test loss dashed (as the loss chart tells them apart), on a log axis when every
 * loss is positive (chooseYScale, the loss chart's); each end a vertical rule in its run's colour
 * with the run's name; a barrier's peak ringed, above a dotted rule at the higher end's loss; the
 * hovered sample's rule and dots. Every call redraws in place (data joins keyed by role).
 */
export function drawLine(svgElement: SVGSVGElement, input: LineInput): LineGeometry {
  const { width, height, t, train, test, ends, barrier, hover } = input;
  const svg: Svg = select(svgElement);
  svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const t0 = t[0]!;
  const t1 = t[t.length - 1]!;
  const px = (v: number) => left + ((v - t0) / (t1 - t0)) * (right - left);

  const extent = emptyExtent();
  extendExtent(extent, train, 0, train.length);
  if (test) extendExtent(extent, test, 0, test.length);
  const scale = chooseYScale(extent, barrier?.start ?? extent.max);
  const py = (v: number) => {
    const y = bottom - ((forward(scale, v) - scale.t0) / (scale.t1 - scale.t0)) * (bottom - top);
    // Off the axis (0 on a log one, never expected here): far below, not NaN.
    return Number.isFinite(y) ? Math.max(-1e5, Math.min(1e5, y)) : 1e5;
  };

  const layer = (name: string) =>
    svg.selectAll<SVGGElement, string>(`g.${name}`).data([name]).join('g').attr('class', name);

  // Axes: faint grid and labels.
  const yTickData = yTicks(scale, Math.max(2, Math.floor((bottom - top) / 32)));
  const axes = layer('line-axes');
  axes
    .selectAll('rect.line-frame')
    .data([0])
    .join('rect')
    .attr('class', 'line-frame')
    .attr('x', left)
    .attr('y', top)
    .attr('width', right - left)
    .attr('height', bottom - top);
  axes
    .selectAll('line.line-grid')
    .data(yTickData)
    .join('line')
    .attr('class', 'line-grid')
    .attr('x1', left)
    .attr('x2', right)
    .attr('y1', (d) => py(d.value))
    .attr('y2', (d) => py(d.value));
  axes
    .selectAll('text.line-ylabel')
    .data(yTickData)
    .join('text')
    .attr('class', 'line-ylabel')
    .attr('x', left - 6)
    .attr('y', (d) => py(d.value))
    .attr('text-anchor', 'end')
    .attr('dominant-baseline', 'middle')
    .text((d) => axisLabel(d.value));
  axes
    .selectAll('text.line-xlabel')
    .data(ticks(t0, t1, Math.max(2, Math.floor((right - left) / 70))))
    .join('text')
    .attr('class', 'line-xlabel')
    .attr('x', (d) => px(d))
    .attr('y', bottom + 14)
    .attr('text-anchor', 'middle')
    .text((d) => tickLabel(d));
  axes
    .selectAll('text.line-xname')
    .data([0])
    .join('text')
    .attr('class', 'line-xname')
    .attr('x', (left + right) / 2)
    .attr('y', bottom + 29)
    .attr('text-anchor', 'middle')
    .text(`t (0: ${ends[0].label}’s end, 1: ${ends[1].label}’s end)`);
  axes
    .selectAll('text.line-yname')
    .data([0])
    .join('text')
    .attr('class', 'line-yname')
    .attr('x', 4)
    .attr('y', top - 10)
    .text(scale.kind === 'linear' ? 'loss' : `loss (${scale.kind})`);

  // The two ends, in their runs' colours.
  const endLayer = layer('line-ends');
  const endData = ends.map((end, k) => ({ ...end, x: px(k) }));
  endLayer
    .selectAll('line.line-end')
    .data(endData)
    .join('line')
    .attr('class', 'line-end')
    .attr('x1', (d) => d.x)
    .attr('x2', (d) => d.x)
    .attr('y1', top)
    .attr('y2', bottom)
    .attr('stroke', (d) => d.colour);
  endLayer
    .selectAll('text.line-end-label')
    .data(endData)
    .join('text')
    .attr('class', 'line-end-label')
    .attr('x', (d) => d.x)
    .attr('y', top - 6)
    .attr('text-anchor', (_, k) => (k === 0 ? 'end' : 'start'))
    .attr('fill', (d) => d.colour)
    .text((d) => d.label);

  // The curves: test dashed under the training loss, solid.
  const curves = layer('line-curves');
  const series = [
    ...(test ? [{ key: 'test', values: test, dash: TEST_DASH }] : []),
    { key: 'train', values: train, dash: null },
  ];
  curves
    .selectAll<SVGPathElement, (typeof series)[number]>('path.line-curve')
    .data(series, (d) => d.key)
    .join('path')
    .attr('class', (d) => `line-curve line-${d.key}`)
    .attr('stroke-dasharray', (d) => d.dash)
    .attr('d', (d) => pathOf(t, d.values, px, py));
  const endDots = barrier
    ? [
        { x: px(0), y: py(barrier.start), colour: ends[0].colour },
        { x: px(1), y: py(barrier.end), colour: ends[1].colour },
      ]
    : [];
  curves
    .selectAll('circle.line-end-dot')
    .data(endDots)
    .join('circle')
    .attr('class', 'line-end-dot')
    .attr('cx', (d) => d.x)
    .attr('cy', (d) => d.y)
    .attr('r', 4.5)
    .attr('fill', (d) => d.colour);

  // A barrier: the higher end's level across [0, 1] and the peak above it.
  const peak = barrier && barrier.height > 0 ? [barrier] : [];
  const marks = layer('line-barrier');
  marks
    .selectAll('line.line-level')
    .data(peak)
    .join('line')
    .attr('class', 'line-level')
    .attr('x1', px(0))
    .attr('x2', px(1))
    .attr('y1', (d) => py(Math.max(d.start, d.end)))
    .attr('y2', (d) => py(Math.max(d.start, d.end)));
  marks
    .selectAll('circle.line-peak')
    .data(peak)
    .join('circle')
    .attr('class', 'line-peak')
    .attr('cx', (d) => px(d.peakT))
    .attr('cy', (d) => py(d.peak))
    .attr('r', 6);

  // The key, top right, when there are two curves: "── training ╌╌ test".
  const key = layer('line-key');
  const keys = test
    ? [
        { label: 'training', dash: null, x: right - 118 },
        { label: 'test', dash: TEST_DASH, x: right - 40 },
      ]
    : [];
  key
    .selectAll('line.line-key-swatch')
    .data(keys)
    .join('line')
    .attr('class', 'line-key-swatch')
    .attr('x1', (d) => d.x)
    .attr('x2', (d) => d.x + 18)
    .attr('y1', top + 10)
    .attr('y2', top + 10)
    .attr('stroke-dasharray', (d) => d.dash);
  key
    .selectAll('text.line-key-label')
    .data(keys)
    .join('text')
    .attr('class', 'line-key-label')
    .attr('x', (d) => d.x + 22)
    .attr('y', top + 10)
    .attr('dominant-baseline', 'middle')
    .text((d) => d.label);

  // The hovered sample.
  const h = hover !== null && hover >= 0 && hover < t.length ? [hover] : [];
  const hoverLayer = layer('line-hover');
  hoverLayer
    .selectAll('line.line-hover-rule')
    .data(h)
    .join('line')
    .attr('class', 'line-hover-rule')
    .attr('x1', (k) => px(t[k]!))
    .attr('x2', (k) => px(t[k]!))
    .attr('y1', top)
    .attr('y2', bottom);
  const hoverDots = h.flatMap((k) =>
    series
      .filter((s) => Number.isFinite(s.values[k]))
      .map((s) => ({ key: s.key, x: px(t[k]!), y: py(s.values[k]!) })),
  );
  hoverLayer
    .selectAll('circle.line-hover-dot')
    .data(hoverDots)
    .join('circle')
    .attr('class', 'line-hover-dot')
    .attr('cx', (d) => d.x)
    .attr('cy', (d) => d.y)
    .attr('r', 3.5);

  return {
    indexAt: (x) => {
      const v = t0 + ((x - left) / (right - left)) * (t1 - t0);
      const k = Math.round(((v - t0) / (t1 - t0)) * (t.length - 1));
      return Math.max(0, Math.min(t.length - 1, k));
    },
  };
}

/** An SVG path through the finite samples; a non-finite one breaks it. */
function pathOf(
  t: Float64Array,
  values: Float64Array,
  px: (v: number) => number,
  py: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (let k = 0; k < t.length; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${px(t[k]!).toFixed(2)},${py(v).toFixed(2)}`;
    pen = true;
  }
  return d;
}
