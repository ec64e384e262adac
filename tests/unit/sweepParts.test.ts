import { describe, expect, it } from 'vitest';
import {
  cellCount,
  cellScene,
  createColumns,
  defaultSweep,
  levelsOf,
  planOf,
} from '../../src/engine/sweep/index.ts';
import type { Axis } from '../../src/engine/sweep/types.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { gatherCells, scatterCells } from '../../src/workers/sweepColumns.ts';
import { planKey, sweepProblems } from '../../src/workers/sweepInputs.ts';
import { PART_MS, PartQueue, type Part } from '../../src/workers/sweepParts.ts';

const scene = sceneFromPreset({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 500,
  optimizers: [
    { type: 'sgd', lr: 0.001, momentum: 0.9 },
    { type: 'adam', lr: 0.05 },
  ],
});
const open = (view: 'map' | 'curves' | 'basins' | 'seeds' = 'map') => ({
  ...scene,
  sweep: defaultSweep(scene, view),
});

/** Every part the queue hands out until it is empty, each timed at `ms(part)` if given. */
function drain(queue: PartQueue, ms?: (part: Part) => number): Part[] {
  const parts: Part[] = [];
  for (let part = queue.next(); part; part = queue.next()) {
    parts.push(part);
    if (ms) queue.observe(part, ms(part));
  }
  expect(queue.empty).toBe(true);
  return parts;
}

describe('PartQueue', () => {
  const plan = planOf({
    ...open('basins'),
    sweep: { ...defaultSweep(scene, 'basins'), basins: { resolution: 64, optimizer: 0 } },
  });
  const levels = levelsOf(plan.axes);

  it('hands out every cell once, coarse levels first, each level over every worker', () => {
    const parts = drain(new PartQueue(levels, 3, 501));
    const seen = new Uint8Array(cellCount(plan.axes));
    for (const part of parts) for (const c of part.cells) seen[c]!++;
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(parts.map((p) => p.level)).toEqual([...parts.map((p) => p.level)].sort((a, b) => a - b));
    expect(parts.map((p) => p.index)).toEqual(parts.map((_, i) => i));
    levels.forEach((cells, k) => {
      const of = parts.filter((p) => p.level === k + 1);
      expect(of.length).toBeGreaterThanOrEqual(Math.min(3, cells.length));
    });
    // Copies, not views of the level: a posted view would carry its whole buffer.
    for (const p of parts) expect(p.cells.byteLength).toBe(p.cells.buffer.byteLength);
  });

  it('sizes parts to take about PART_MS from the times of those answered', () => {
    // A worker that takes 1 ms a cell: parts settle near PART_MS cells.
    const parts = drain(new PartQueue(levels, 2, 501), (p) => p.cells.length * 1);
    const late = parts.slice(-20).filter((p) => p.cells.length > 1);
    for (const p of late.slice(0, -1)) {
      expect(p.cells.length).toBeGreaterThanOrEqual(PART_MS * 0.9);
      expect(p.cells.length).toBeLessThanOrEqual(PART_MS * 1.1);
    }
    // Ten times faster: ten times larger parts.
    const fast = drain(new PartQueue(levels, 2, 501), (p) => p.cells.length * 0.1);
    expect(Math.max(...fast.slice(-20).map((p) => p.cells.length))).toBeGreaterThan(PART_MS * 9);
  });

  it('sends parts handed back first, in their order', () => {
    const queue = new PartQueue(levels, 2, 501);
    const a = queue.next()!;
    const b = queue.next()!;
    queue.again([a, b]);
    expect(queue.next()).toBe(a);
    expect(queue.next()).toBe(b);
    expect(queue.next()!.index).toBe(2);
  });
});

describe('gatherCells and scatterCells', () => {
  it('move every column, paths included, between a part and the whole sweep', () => {
    const all = createColumns(10, 2, 3);
    all.finalLoss.forEach((_, k) => (all.finalLoss[k] = k + 0.5));
    all.divergedAt.forEach((_, k) => (all.divergedAt[k] = k));
    all.pathY!.forEach((_, k) => (all.pathY![k] = -k));
    const cells = Int32Array.of(7, 2);
    const part = createColumns(2, 2, 3);
    gatherCells(all, cells, part);
    expect([...part.finalLoss]).toEqual([14.5, 15.5, 4.5, 5.5]);
    expect([...part.divergedAt]).toEqual([14, 15, 4, 5]);
    expect([...part.pathY!]).toEqual([-42, -43, -44, -45, -46, -47, -12, -13, -14, -15, -16, -17]);
    const back = createColumns(10, 2, 3);
    scatterCells(part, cells, back);
    expect([...back.finalLoss.subarray(14, 16)]).toEqual([14.5, 15.5]);
    expect([...back.pathY!.subarray(12, 18)]).toEqual([-12, -13, -14, -15, -16, -17]);
    // Entries of cells not in the part are left as they were.
    expect(back.finalLoss[0]).toBeNaN();
    expect(back.finalLoss[13]).toBeNaN();
  });
});

describe('planKey', () => {
  const key = (s: typeof scene) => planKey(planOf(s));
  it('ignores the values the axes override, labels, colours and the view (but not for basins)', () => {
    const s = open();
    const plan = planOf(s);
    expect(key(cellScene(s, plan.axes, 37))).toBe(key(s));
    const relabelled = {
      ...s,
      optimizers: s.optimizers.map((o) => ({ ...o, label: 'x', color: '#000000' })),
      view: { x: [0, 1], y: [0, 1] } as const,
    };
    expect(key(relabelled)).toBe(key(s));
    const basins = open('basins');
    expect(key({ ...basins, view: { x: [0, 1], y: [0, 1] } })).not.toBe(key(basins));
  });

  it('changes with anything else a cell computes: another optimizer setting, steps, the tolerance', () => {
    const s = open();
    const wd = {
      ...s,
      optimizers: [
        { ...s.optimizers[0]!, hyper: { ...s.optimizers[0]!.hyper, weight_decay: 0.1 } },
        s.optimizers[1]!,
      ],
    };
    expect(key(wd)).not.toBe(key(s));
    expect(key({ ...s, steps: 400 })).not.toBe(key(s));
    expect(key({ ...s, sweep: { ...s.sweep, tol: 1e-3 } })).not.toBe(key(s));
    // The map runs optimizer 0 only: optimizer 1 does not count; the curves run both.
    const other = {
      ...s,
      optimizers: [
        s.optimizers[0]!,
        { ...s.optimizers[1]!, hyper: { ...s.optimizers[1]!.hyper, eps: 1e-6 } },
      ],
    };
    expect(key(other)).toBe(key(s));
    const curves = open('curves');
    expect(key({ ...other, sweep: curves.sweep })).not.toBe(key(curves));
  });
});

describe('sweepProblems', () => {
  it('names a bad axis by its path in the preset, and nothing for a good sweep', () => {
    expect(sweepProblems(open())).toEqual([]);
    expect(sweepProblems(scene)).toEqual([]);
    const s = open();
    const bad: Axis = { ...s.sweep.map.axes[0], from: 0 };
    const problems = sweepProblems({
      ...s,
      sweep: { ...s.sweep, map: { ...s.sweep.map, axes: [bad, s.sweep.map.axes[1]] } },
    });
    expect(problems).toEqual(['sweep.map.axes[0].from must be > 0 on a log scale, got 0']);
  });

  it('refuses more work than the cap, naming the field that sets the size', () => {
    const big = { ...open('basins'), steps: 100_000 };
    const basins = { ...big, sweep: { ...big.sweep, basins: { resolution: 256, optimizer: 0 } } };
    expect(sweepProblems(basins)).toEqual([
      'sweep.basins needs 65,536 cells × 1 run × 100,000 steps = 6.55e+9 optimizer steps; a sweep does at most 2e+9 (use fewer values or steps)',
    ]);
  });
});
