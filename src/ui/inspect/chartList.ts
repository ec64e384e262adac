import type { Inspection } from '../../engine/inspect.ts';
import type { Series } from '../../render/chart/seriesChart.ts';

/** Line styles for the x and y coordinates of a state field (told apart by dash, not only hue). */
export const COORD_STYLE = [
  { name: 'x', color: '#0072b2', dash: [] as number[] },
  { name: 'y', color: '#d55e00', dash: [5, 3] },
] as const;

/** One small chart of the inspector. */
export interface ChartSpec {
  readonly key: string;
  /** A title above the chart. */
  readonly title: string;
  /** The y axis's name. */
  readonly name: string;
  readonly prefer: 'linear' | 'log';
  readonly series: readonly Series[];
  /** Whether the series are the x and y coordinates. */
  readonly perCoordinate: boolean;
}

/**
 * The inspector's charts: the learning rate after the schedule, ‖g‖ and ‖step‖, then every field
 * of the optimizer's own state (per coordinate: x and y).
 */
export function chartList(ins: Inspection): ChartSpec[] {
  // Entry 0 of a state column is the state before step 1: not a step, so not drawn.
  const steps = (v: Float64Array) => {
    const c = v.slice();
    c[0] = NaN;
    return c;
  };
  const one = (values: Float64Array): Series[] => [{ values, color: COORD_STYLE[0].color }];
  const charts: ChartSpec[] = [
    {
      key: 'lr',
      title: 'learning rate γ after the schedule',
      name: 'γ',
      prefer: 'log',
      series: one(ins.lr),
      perCoordinate: false,
    },
    {
      key: 'grad',
      title: '‖g‖, the gradient’s length',
      name: '‖g‖',
      prefer: 'log',
      series: one(ins.gNorm),
      perCoordinate: false,
    },
    {
      key: 'step',
      title: '‖step‖, the length of the step taken',
      name: '‖Δθ‖',
      prefer: 'log',
      series: one(ins.stepNorm),
      perCoordinate: false,
    },
  ];
  for (const s of ins.state) {
    const coordinate = s.field.per === 'coordinate';
    charts.push({
      key: s.field.key,
      title: s.field.label,
      // The title names it; the axis only says how it is scaled.
      name: '',
      prefer: s.field.scale,
      series: s.values.map((v, c) => ({
        values: steps(v),
        color: COORD_STYLE[c]!.color,
        dash: COORD_STYLE[c]!.dash,
      })),
      perCoordinate: coordinate,
    });
  }
  return charts;
}
