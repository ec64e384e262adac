/**
 * The basin map's budgets in the page (`bench/browser.bench.ts --only=basins`): 256² starts ×
 * 500 Adam steps on Rosenbrock — request to the first drawn picture (the coarse grid) and to the
 * full resolution — and the live budgets of a slider drag while a basin map computes.
 */
import type { Page } from 'playwright-core';

/** What the landscape's draw mark says of the basin map it drew (painter.ts). */
interface Drawn {
  readonly cells: number;
  readonly of: number;
  readonly view: unknown;
}

/**
 * Rosenbrock, `count` Adams (the first at lr 0.01), `steps` steps, the basin map of `optimizer`
 * open at `resolution`² starts (no sweep open when `resolution` is 0).
 */
export const basinScene = (count: number, steps: number, optimizer: number, resolution = 256) => ({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps,
  optimizers: Array.from({ length: count }, (_, i) => ({ type: 'adam', lr: 0.01 * (i + 1) })),
  ...(resolution > 0 ? { sweep: { view: 'basins', basins: { resolution, optimizer } } } : {}),
});

/** Milliseconds from `act` (run in the page) to the first drawn picture and the full one. */
export interface Arrival {
  readonly first: number;
  readonly full: number;
}

/**
 * Runs `act` in the page ('load' a preset, or press a 'key' on the landscape) and waits for the
 * basin map of the view that follows to be drawn: first any of its cells, then all of them.
 */
export function basinArrival(
  page: Page,
  act: { readonly load: unknown } | { readonly key: string },
): Promise<Arrival> {
  return page.evaluate(async (act) => {
    performance.clearMarks();
    const t0 = performance.now();
    if ('load' in act) window.descentLab!.load(act.load);
    else {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.plot')!;
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: act.key, bubbles: true }));
    }
    const view = JSON.stringify(window.descentLab!.preset().view);
    const drawn = () =>
      performance
        .getEntriesByName('descent-lab:draw')
        .map((e) => ({ t: e.startTime, b: (e as PerformanceMark).detail?.basins as Drawn | null }))
        .filter(({ b }) => b !== null && JSON.stringify(b.view) === view);
    const first = await new Promise<number>((resolve, reject) => {
      const stop = setTimeout(() => reject(new Error('no basin map drawn within 30 s')), 30_000);
      const look = () => {
        const hit = drawn().find(({ b }) => b!.cells > 0);
        if (hit) {
          clearTimeout(stop);
          resolve(hit.t - t0);
        } else requestAnimationFrame(look);
      };
      look();
    });
    const full = await new Promise<number>((resolve, reject) => {
      const stop = setTimeout(
        () => reject(new Error('basin map not complete within 60 s')),
        60_000,
      );
      const look = () => {
        const hit = drawn().find(({ b }) => b!.cells === b!.of);
        if (hit) {
          clearTimeout(stop);
          resolve(hit.t - t0);
        } else requestAnimationFrame(look);
      };
      look();
    });
    return { first, full };
  }, act);
}
