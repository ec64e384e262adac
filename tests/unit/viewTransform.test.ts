import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundTo, transformOf, viewOf } from '../../src/render/viewTransform.ts';

const base = { x: [-2, 2] as const, y: [-1, 3] as const };
const plot = { left: 52, top: 12, width: 400, height: 400 };

describe('zoom transform ↔ view', () => {
  it('the identity shows the base view', () => {
    const v = viewOf({ k: 1, x: 0, y: 0 }, base, plot);
    expect(v.x[0]).toBeCloseTo(-2, 12);
    expect(v.x[1]).toBeCloseTo(2, 12);
    expect(v.y[0]).toBeCloseTo(-1, 12);
    expect(v.y[1]).toBeCloseTo(3, 12);
  });

  it('zooming in by 2 about the plot centre halves the view about its centre', () => {
    const cx = plot.left + plot.width / 2;
    const cy = plot.top + plot.height / 2;
    const v = viewOf({ k: 2, x: cx - 2 * cx, y: cy - 2 * cy }, base, plot);
    expect(v.x).toEqual([expect.closeTo(-1, 12), expect.closeTo(1, 12)]);
    expect(v.y).toEqual([expect.closeTo(0, 12), expect.closeTo(2, 12)]);
  });

  it('transformOf inverts viewOf', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1000, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        (k, x, y) => {
          const t = transformOf(viewOf({ k, x, y }, base, plot), base, plot);
          expect(t.k).toBeCloseTo(k, 6);
          expect(Math.abs(t.x - x)).toBeLessThan(1e-6 * Math.max(1, Math.abs(x), k * 1000));
          expect(Math.abs(t.y - y)).toBeLessThan(1e-6 * Math.max(1, Math.abs(y), k * 1000));
        },
      ),
    );
  });

  it('rounds dragged coordinates to about 4 significant digits of the view', () => {
    expect(roundTo(1.23456789, 4)).toBe(1.235);
    expect(roundTo(-0.000123456, 0.01)).toBe(-0.00012);
  });
});
