import { describe, expect, it } from 'vitest';
import { computeField } from '../../src/engine/field.ts';
import { defaultParams, getFunction } from '../../src/engine/functions/index.ts';
import { fillColor } from '../../src/render/colors.ts';
import { colourScale } from '../../src/ui/colourScale.ts';
import { formatNumber, formatShort } from '../../src/ui/format.ts';

const rosenbrock = getFunction('rosenbrock')!;
const field = computeField(rosenbrock.create({ a: 1, b: 100 }), rosenbrock.view, 64, 24);

describe('colour scale', () => {
  it('gives each band an equal share of the bar, in the colour the plot fills it with', () => {
    const { gradient } = colourScale(field);
    const stops = [...gradient.matchAll(/(rgb\([^)]*\)) ([\d.]+)% ([\d.]+)%/g)];
    expect(stops).toHaveLength(25);
    stops.forEach(([, colour, from, to], b) => {
      expect(colour).toBe(fillColor(b / 24));
      expect(Number(from)).toBeCloseTo((100 * b) / 25, 3);
      expect(Number(to)).toBeCloseTo((100 * (b + 1)) / 25, 3);
    });
  });

  it('labels the ends with fmin and fmax and three levels at their band edges', () => {
    const { ticks, label, long } = colourScale(field);
    expect(long).toBe(false);
    expect(ticks.map((t) => t.text)).toEqual([
      formatShort(field.fmin),
      formatShort(field.levels[5]!),
      formatShort(field.levels[12]!),
      formatShort(field.levels[18]!),
      formatShort(field.fmax),
    ]);
    expect(ticks.map((t) => t.at)).toEqual([0, 24, 52, 76, 100]);
    expect(label).toMatch(
      /^Colour scale: f from .* \(lightest\) to .* \(darkest\), 24 contour levels/,
    );
  });

  it('keeps a field with one level to its two ends and that level', () => {
    const flat = { ...field, levels: new Float64Array([5]), fmin: 1, fmax: 9 };
    expect(colourScale(flat).ticks.map((t) => [t.text, t.at])).toEqual([
      ['1', 0],
      ['5', 50],
      ['9', 100],
    ]);
  });

  it('writes more digits when two digits would give two labels alike', () => {
    const saddle = getFunction('saddle')!;
    const f = computeField(saddle.create(defaultParams(saddle)), saddle.view, 64, 24);
    const scale = colourScale(f);
    const texts = scale.ticks.map((t) => t.text);
    expect(new Set(texts).size).toBe(texts.length);
    // Which the page takes as room for fewer of them (app.css, .colour-scale-long).
    expect(scale.long).toBe(true);
  });

  it('writes short tick labels: two digits, powers of ten outside 0.01 … 10⁴', () => {
    expect(formatShort(0.3147)).toBe('0.31');
    expect(formatShort(2512)).toBe('2500');
    expect(formatShort(-0.05)).toBe('−0.05');
    expect(formatShort(123456)).toBe('1.2×10⁵');
    expect(formatShort(0.0015)).toBe('1.5×10⁻³');
    expect(formatShort(1e-7)).toBe('1×10⁻⁷');
    expect(formatShort(0)).toBe('0');
  });

  it('writes full numbers to four digits, without trailing zeros in a mantissa', () => {
    expect(formatNumber(1e-8)).toBe('1 × 10⁻⁸');
    expect(formatNumber(-1.5e-7)).toBe('−1.5 × 10⁻⁷');
    expect(formatNumber(123456)).toBe('1.235 × 10⁵');
    expect(formatNumber(0.001234)).toBe('0.001234');
  });
});
