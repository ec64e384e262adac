import { describe, expect, it, vi } from 'vitest';
import type { Expr } from '../../src/engine/expr/ast.ts';
import { defaultExpression } from '../../src/engine/expr/custom.ts';
import { defaultScene } from '../../src/preset/index.ts';
import { createLabStore, type LabStore } from '../../src/state/store.ts';
import type { CompileResult } from '../../src/workers/compileProtocol.ts';
import { FrameLoop, type Timing } from '../../src/ui/landscape/frameLoop.ts';
import { FunctionValues } from '../../src/ui/landscape/functionValues.ts';
import { keyCommand, keyListener } from '../../src/ui/landscape/keys.ts';
import { PICK, nearestStep, onPlot, readoutText } from '../../src/ui/landscape/pick.ts';
import { GRAB, nearStart, startAt } from '../../src/ui/landscape/startHandle.ts';
import { zoomView } from '../../src/ui/landscape/views.ts';
import { RunSet } from '../../src/workers/runs.ts';
import { frameOf, raceScene, runSetOf } from './support/scene.ts';

const view = { x: [-2, 2], y: [-1, 3] } as const;

describe('landscape keys', () => {
  it('arrows move the start by 2% of the view, 10% with Shift, y up, rounded', () => {
    expect(keyCommand('ArrowRight', false, view, [0, 0])).toEqual({ start: [0.08, 0] });
    expect(keyCommand('ArrowLeft', true, view, [0, 0])).toEqual({ start: [-0.4, 0] });
    expect(keyCommand('ArrowUp', false, view, [0, 0])).toEqual({ start: [0, 0.08] });
    expect(keyCommand('ArrowDown', false, view, [0.1, 0.2])).toEqual({ start: [0.1, 0.12] });
    // Rounded to four digits of the span: no 0.30000000000000004 in the start field.
    expect(keyCommand('ArrowUp', false, view, [0, 0.22])).toEqual({ start: [0, 0.3] });
  });

  it('+ and = zoom in, − and _ zoom out about the centre, 0 resets, others are left alone', () => {
    expect(keyCommand('+', false, view, [0, 0])).toEqual({ view: zoomView(view, 1.5) });
    expect(keyCommand('=', false, view, [0, 0])).toEqual({ view: zoomView(view, 1.5) });
    expect(keyCommand('-', false, view, [0, 0])).toEqual({ view: zoomView(view, 1 / 1.5) });
    expect(keyCommand('_', false, view, [0, 0])).toEqual({ view: zoomView(view, 1 / 1.5) });
    expect(keyCommand('0', false, view, [0, 0])).toEqual({ reset: true });
    for (const key of [' ', 'Home', 'a', 'Enter'])
      expect(keyCommand(key, false, view, [0, 0])).toBeNull();
    const zoomed = zoomView(view, 2);
    expect(zoomed).toEqual({ x: [-1, 1], y: [0, 2] });
  });

  it('the listener acts on the store and keeps handled keys from the page’s shortcuts', () => {
    const store = createLabStore(defaultScene());
    const listen = keyListener(store);
    const press = (key: string) => {
      const e = { key, shiftKey: false, preventDefault: vi.fn(), stopPropagation: vi.fn() };
      listen(e);
      return e;
    };
    const start = store.getState().start;
    const moved = press('ArrowRight');
    expect(store.getState().start).not.toEqual(start);
    expect(moved.preventDefault).toHaveBeenCalled();
    expect(moved.stopPropagation).toHaveBeenCalled();
    const home = store.getState().view;
    press('+');
    expect(store.getState().view).toEqual(zoomView(home, 1.5));
    press('0');
    expect(store.getState().view).toEqual(home);
    const other = press(' ');
    expect(other.preventDefault).not.toHaveBeenCalled();
    expect(other.stopPropagation).not.toHaveBeenCalled();
  });
});

describe('landscape hover', () => {
  const scene = raceScene();
  const set = runSetOf(scene);
  const frame = frameOf(scene);
  const { scale, plot } = frame;
  const shown = scene.optimizers.map(() => ({ hidden: false }));
  /** Screen position of point i of run k. */
  const at = (k: number, i: number) =>
    [scale.x(set.runs[k]!.x[i]!), scale.y(set.runs[k]!.y[i]!)] as const;

  it('picks the step of the nearest shown point within PICK pixels', () => {
    const [px, py] = at(1, 40);
    const step = nearestStep(set, shown, scene.steps, scale, px + 1, py);
    expect(step).not.toBeNull();
    const [sx, sy] = at(1, step!);
    expect(Math.hypot(sx - px - 1, sy - py)).toBeLessThanOrEqual(1);
    expect(nearestStep(set, shown, scene.steps, scale, plot.left + 1, plot.top + 1)).toBeNull();
    expect(nearestStep(null, shown, scene.steps, scale, px, py)).toBeNull();
  });

  it('ignores hidden runs and points past the cursor', () => {
    // Hand-made runs: run 0 goes right along y = 0, run 1 up along x = 0, run 2 stays put.
    const made = new RunSet(1, scene);
    const columns = (xs: number[], ys: number[]) => ({
      x: Float64Array.from(xs),
      y: Float64Array.from(ys),
      f: new Float64Array(xs.length),
      lr: new Float64Array(xs.length - 1),
      length: xs.length,
      divergedAt: null,
    });
    made.fill(0, columns([0, 0.5, 1], [0, 0, 0]));
    made.fill(1, columns([0, 0, 0], [0, 0.5, 1]));
    made.fill(2, columns([0, 0, 0], [0, 0, 0]));
    const near = (x: number, y: number) => [scale.x(x) + 3, scale.y(y) - 3] as const;
    expect(nearestStep(made, shown, 2, scale, ...near(1, 0))).toBe(2);
    expect(nearestStep(made, shown, 2, scale, ...near(0, 0.5))).toBe(1);
    expect(nearestStep(made, shown, 2, scale, ...near(0, 0))).toBe(0);
    expect(nearestStep(made, shown, 2, scale, scale.x(1) + PICK - 1, scale.y(0))).toBe(2);
    expect(nearestStep(made, shown, 2, scale, scale.x(1) + PICK + 1, scale.y(0))).toBeNull();
    // Run 0 hidden: nothing else is near (1, 0).
    const hidden = [{ hidden: true }, { hidden: false }, { hidden: false }];
    expect(nearestStep(made, hidden, 2, scale, ...near(1, 0))).toBeNull();
    expect(nearestStep(made, hidden, 2, scale, ...near(0, 1))).toBe(2);
    // Cursor at step 1: the point at step 2 is not shown yet.
    expect(nearestStep(made, shown, 1, scale, ...near(1, 0))).toBeNull();
  });

  it('knows the plot area, edges included, and writes the readout', () => {
    expect(onPlot(plot, plot.left, plot.top)).toBe(true);
    expect(onPlot(plot, plot.left + plot.width, plot.top + plot.height)).toBe(true);
    expect(onPlot(plot, plot.left - 0.5, plot.top)).toBe(false);
    expect(onPlot(plot, plot.left, plot.top + plot.height + 0.5)).toBe(false);
    expect(readoutText(1, -2, 0.5, null)).toBe('x = 1, y = −2, f = 0.5');
    expect(readoutText(1, 2, 3, 7)).toBe('x = 1, y = 2, f = 3 · step 7');
  });
});

describe('landscape start handle', () => {
  const frame = frameOf({ ...raceScene(), view });
  const { scale } = frame;

  it('grabs within GRAB pixels of the start, not beyond', () => {
    const [sx, sy] = [scale.x(0.5), scale.y(1)];
    expect(nearStart(scale, [0.5, 1], sx + GRAB, sy)).toBe(true);
    expect(nearStart(scale, [0.5, 1], sx + GRAB * 0.7, sy + GRAB * 0.7)).toBe(true);
    expect(nearStart(scale, [0.5, 1], sx + GRAB + 0.5, sy)).toBe(false);
  });

  it('puts a dragged start where the pointer is, rounded to 1/1000 of a view 4 wide', () => {
    const [x, y] = startAt(scale, view, scale.x(0.123456), scale.y(2.0004321));
    expect([x, y]).toEqual([0.123, 2]);
    expect(startAt(scale, zoomView(view, 100), scale.x(0.123456), scale.y(1.0004321))).toEqual([
      0.12346, 1.00043,
    ]);
  });
});

/** Fake frames and timers: the test runs them. */
function fakeTiming() {
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const timing: Timing = {
    requestFrame: (run) => (frames.set(next, run), next++),
    cancelFrame: (h) => void frames.delete(h),
    setTimer: (run, ms) => (timers.set(next, { run, ms }), next++),
    clearTimer: (h) => void timers.delete(h),
  };
  const runFrames = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const run of due) run();
  };
  return { timing, frames, timers, runFrames };
}

describe('landscape frame loop', () => {
  it('draws once per animation frame however often it is asked', () => {
    const { timing, frames, runFrames } = fakeTiming();
    const draw = vi.fn(() => null);
    const loop = new FrameLoop(draw, timing);
    loop.schedule();
    loop.schedule();
    loop.schedule();
    expect(frames.size).toBe(1);
    expect(draw).not.toHaveBeenCalled();
    runFrames();
    expect(draw).toHaveBeenCalledTimes(1);
    loop.schedule();
    runFrames();
    expect(draw).toHaveBeenCalledTimes(2);
  });

  it('draws at once on request, instead of in the frame already asked for', () => {
    const { timing, frames } = fakeTiming();
    const draw = vi.fn(() => null);
    const loop = new FrameLoop(draw, timing);
    loop.schedule();
    loop.now();
    expect(draw).toHaveBeenCalledTimes(1);
    expect(frames.size).toBe(0);
  });

  it('asks for another frame when the drawing says its paths settle later, and only the latest', () => {
    const { timing, timers, frames, runFrames } = fakeTiming();
    const waits: (number | null)[] = [200, 50, null];
    const draw = vi.fn(() => waits.shift() ?? null);
    const loop = new FrameLoop(draw, timing);
    loop.now();
    expect([...timers.values()].map((t) => t.ms)).toEqual([201]);
    loop.now();
    expect([...timers.values()].map((t) => t.ms)).toEqual([51]);
    [...timers.values()][0]!.run();
    expect(frames.size).toBe(1);
    runFrames();
    expect(draw).toHaveBeenCalledTimes(3);
    expect(timers.size).toBe(0);
  });

  it('draws nothing after dispose', () => {
    const { timing, frames, timers } = fakeTiming();
    const loop = new FrameLoop(() => 10, timing);
    loop.now();
    loop.schedule();
    loop.dispose();
    expect(frames.size).toBe(0);
    expect(timers.size).toBe(0);
  });
});

describe('landscape function values (hover readout)', () => {
  const x2: Expr = {
    kind: 'op',
    op: '*',
    left: { kind: 'var', name: 'x' },
    right: { kind: 'var', name: 'x' },
  } as Expr;

  /** A compiler the test answers by hand. */
  function fakeCompiler() {
    const asked: { text: string; answer: (r: CompileResult) => void }[] = [];
    const compile = (text: string) =>
      new Promise<CompileResult>((answer) => asked.push({ text, answer }));
    return { asked, compile };
  }
  const typed = (store: LabStore, expr: string) => {
    store.getState().actions.setFunction('custom');
    store.getState().actions.setExpression(expr);
  };

  it('gives a built-in’s f at once and never asks the compiler', () => {
    const { asked, compile } = fakeCompiler();
    const store = createLabStore(defaultScene());
    const values = new FunctionValues(store, compile);
    expect(values.at(store.getState().fn, 1, 1)).toBe(0);
    expect(values.at(store.getState().fn, 0, 0)).toBe(1);
    expect(asked).toEqual([]);
    values.dispose();
  });

  it('gives a typed function’s f once compiled, NaN before, and asks once per text', async () => {
    const { asked, compile } = fakeCompiler();
    const store = createLabStore(defaultScene());
    const values = new FunctionValues(store, compile);
    typed(store, 'x*x');
    store.getState().actions.setStart([0, 0]);
    expect(asked.map((a) => a.text)).toEqual([defaultExpression, 'x*x']);
    expect(values.at(store.getState().fn, 3, 0)).toBeNaN();
    asked[1]!.answer({ ok: true, source: '', gradient: ['', ''], f: x2, dx: x2, dy: x2 });
    await Promise.resolve();
    expect(values.at(store.getState().fn, 3, 0)).toBe(9);
    // An older text's tree is not this function's.
    expect(values.at({ id: 'custom', params: {}, expr: defaultExpression }, 3, 0)).toBeNaN();
    values.dispose();
    typed(store, 'y');
    expect(asked).toHaveLength(2);
  });

  it('asks again after a refusal, which may be a crashed worker’s', async () => {
    const { asked, compile } = fakeCompiler();
    const store = createLabStore(defaultScene());
    const values = new FunctionValues(store, compile);
    typed(store, 'x*x');
    asked[1]!.answer({ ok: false, message: 'the compiler was stopped', column: null });
    await Promise.resolve();
    store.getState().actions.setStart([0, 1]);
    expect(asked.map((a) => a.text)).toEqual([defaultExpression, 'x*x', 'x*x']);
    values.dispose();
  });
});
