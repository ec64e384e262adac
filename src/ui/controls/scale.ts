/** How a slider covers a value range: a table row of sliderRanges.ts. */
export interface SliderRange {
  readonly min: number;
  readonly max: number;
  /**
   * `complementLog`: log of 1 − value, for decay rates (β, momentum, ρ) whose meaning is the
   * memory 1 / (1 − β): 0.9, 0.99, 0.999 and 0.9999 then sit evenly spaced.
   */
  readonly scale: 'log' | 'linear' | 'complementLog';
  /** Linear: the value step. Log and complementLog: the step in decades (0.02 ≈ 4.7 % per key). */
  readonly step: number;
  /** Log only: the leftmost position is exactly 0, the next one `min`. */
  readonly zero?: boolean;
  /** Values are whole numbers. */
  readonly integer?: boolean;
}

/** What an `<input type="range">` needs: its own min/max/step and value ↔ position maps. */
export interface SliderModel {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The slider position showing `value` (clamped to the slider's ends). */
  toSlider(value: number): number;
  /** The value at a slider position. */
  fromSlider(position: number): number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Rounds to `digits` significant digits. */
export const roundSignificant = (v: number, digits: number): number =>
  v === 0 ? 0 : Number(v.toPrecision(digits));

/** Decimal places of a step such as 0.001 (3), so linear values come out free of float noise. */
const decimals = (step: number): number => {
  const [, fraction = '', exponent = '0'] = /^\d*\.?(\d*)(?:e-(\d+))?$/.exec(String(step)) ?? [];
  return fraction.length + Number(exponent);
};

/** The slider model of a range. */
export function sliderModel(range: SliderRange): SliderModel {
  const { min, max, step, integer = false } = range;
  const whole = (v: number) => (integer ? Math.round(v) : v);
  if (range.scale === 'linear') {
    const places = decimals(step);
    return {
      min,
      max,
      step,
      toSlider: (v) => clamp(v, min, max),
      fromSlider: (p) => whole(Number((min + Math.round((p - min) / step) * step).toFixed(places))),
    };
  }
  if (range.scale === 'complementLog') return complementLogModel(range);
  const lo = Math.log10(min);
  const positions = Math.round((Math.log10(max) - lo) / step);
  const offset = range.zero ? 1 : 0;
  return {
    min: 0,
    max: positions + offset,
    step: 1,
    toSlider: (v) => {
      if (range.zero && v <= 0) return 0;
      if (!(v > 0)) return offset;
      return offset + clamp(Math.round((Math.log10(v) - lo) / step), 0, positions);
    },
    fromSlider: (p) => {
      if (range.zero && p < 1) return 0;
      const k = clamp(Math.round(p) - offset, 0, positions);
      // Three significant digits: 0.00126 rather than 0.0012589254117941675. Rounding moves log10(v)
      // by at most log10(1.005) ≈ 0.002 decades, under half a step, so positions round-trip.
      return whole(roundSignificant(10 ** (lo + k * step), 3));
    },
  };
}

/**
 * Positions evenly spaced in log10(1 − value), from `min` (often 0) on the left to `max` on the
 * right: one arrow key changes the memory 1 / (1 − β) by the same ratio anywhere on the slider.
 */
function complementLogModel({ min, max, step }: SliderRange): SliderModel {
  const hi = Math.log10(1 - min);
  const positions = Math.round((hi - Math.log10(1 - max)) / step);
  return {
    min: 0,
    max: positions,
    step: 1,
    toSlider: (v) =>
      v < 1 ? clamp(Math.round((hi - Math.log10(1 - v)) / step), 0, positions) : positions,
    fromSlider: (p) => {
      const k = clamp(Math.round(p), 0, positions);
      // 1 − value to three significant digits (0.00126 → 0.99874), written without float noise;
      // as on the log scale, the rounding stays under half a step, so positions round-trip.
      const rest = roundSignificant(10 ** (hi - k * step), 3);
      return Number((1 - rest).toFixed(2 - Math.floor(Math.log10(rest))));
    },
  };
}
