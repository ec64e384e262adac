import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { makeFrame, plotHeight } from '../../src/render/frame.ts';
import { axeViolations, labSession, pagePerTest, pixels } from './browser.ts';

const lab = labSession();
let page: Page;

pagePerTest(lab, { viewport: { width: 1280, height: 900 } }, async (o) => {
  page = o.page;
  await page.goto(lab.server.url);
  await page.waitForSelector('.app[data-state="ready"]');
});

/** Himmelblau with Adam and SGD, the basin map of `optimizer` open at 64 × 64 starts. */
const himmelblau = (optimizer: number) => ({
  v: 1,
  fn: { id: 'himmelblau' },
  steps: 200,
  optimizers: [
    { type: 'adam', lr: 0.1 },
    { type: 'sgd', lr: 0.01 },
  ],
  sweep: { view: 'basins', basins: { resolution: 64, optimizer } },
});

/** The parts of the on-screen preset these tests read. */
interface Shown {
  view: { x: [number, number]; y: [number, number] };
  start: [number, number];
  sweep?: { basins: { optimizer: number } };
}
const preset = (page: Page) =>
  page.evaluate(() => window.descentLab!.preset()) as unknown as Promise<Shown>;

/**
 * Waits until the landscape has drawn a complete sweep layer (`basins` or `seeds`) of `cells`
 * cells after `since` (a performance.now() of the page).
 */
async function drawnComplete(page: Page, kind: 'basins' | 'seeds', cells: number, since = 0) {
  await page.waitForFunction(
    ({ kind, cells, since }) =>
      performance.getEntriesByName('descent-lab:draw').some((e) => {
        const d = (e as PerformanceMark).detail?.[kind] as { cells: number; of: number } | null;
        return e.startTime >= since && d?.of === cells && d.cells === cells;
      }),
    { kind, cells, since },
    { timeout: 30_000 },
  );
}

/** The basin tab's shares, one line per row. */
const shares = (page: Page) => page.locator('.basin-key tbody tr').allTextContents();

/** The CSS-pixel frame of the landscape as shown, to aim clicks at maths points. */
async function frameOnPage(page: Page) {
  const box = (await page.locator('canvas.plot').boundingBox())!;
  const p = await preset(page);
  const frame = makeFrame(
    box.width,
    plotHeight(box.width, p.view),
    p.view,
    null as never,
    null as never,
  );
  return { box, frame };
}

describe('the basin map', () => {
  it('differs between Adam and SGD on Himmelblau, and the tab says how', async () => {
    await page.evaluate((p) => window.descentLab!.load(p), himmelblau(0));
    await drawnComplete(page, 'basins', 64 * 64);
    const adam = await shares(page);
    expect(adam.slice(0, 4).join(' ')).toMatch(/^1 \(3, 2\)\d+%/);
    const adamPixels = await pixels(page);

    const since = await page.evaluate(() => performance.now());
    await page.locator('.basins-view').getByLabel('Optimizer').selectOption({ label: 'SGD' });
    await drawnComplete(page, 'basins', 64 * 64, since);
    await expect.poll(() => shares(page)).not.toEqual(adam);
    expect((await preset(page)).sweep?.basins.optimizer).toBe(1);
    expect(await pixels(page)).not.toBe(adamPixels);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads a start out under the pointer, and a click runs from it (the link follows)', async () => {
    await page.evaluate((p) => window.descentLab!.load(p), himmelblau(0));
    await drawnComplete(page, 'basins', 64 * 64);
    const { box, frame } = await frameOnPage(page);
    const [x, y] = [-3, -3];
    const at = { x: box.x + frame.scale.x(x), y: box.y + frame.scale.y(y) };
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(() => page.locator('.landscape .readout').textContent())
      .toMatch(/^start \(.+\) → minimum 3 \(−3\.779, −3\.283\) in \d+ steps?$/);
    const url = page.url();
    await page.mouse.click(at.x, at.y);
    // The start is the cell's own: the centre of the 64 × 64 cell under the click.
    const start = (await preset(page)).start;
    const cell = 10 / 64;
    expect(Math.abs(start[0] - x)).toBeLessThanOrEqual(cell / 2);
    expect(Math.abs(start[1] - y)).toBeLessThanOrEqual(cell / 2);
    expect((start[0] + 5) / cell - 0.5).toBeCloseTo(Math.round((start[0] + 5) / cell - 0.5), 6);
    await expect.poll(() => page.url()).not.toBe(url);
    // Clicking did not pan.
    expect((await preset(page)).view).toEqual({ x: [-5, 5], y: [-5, 5] });
  });

  it('moves the start one cell per arrow key, with the readout following', async () => {
    await page.evaluate((p) => window.descentLab!.load(p), himmelblau(0));
    await drawnComplete(page, 'basins', 64 * 64);
    await page.locator('canvas.plot').focus();
    // The first press moves off (0, 0), a cell corner, onto a cell's start; the next by one cell.
    await page.keyboard.press('ArrowRight');
    const before = (await preset(page)).start;
    await page.keyboard.press('ArrowRight');
    const after = (await preset(page)).start;
    expect(after[0] - before[0]).toBeCloseTo(10 / 64, 9);
    expect(after[1]).toBe(before[1]);
    await page.keyboard.press('ArrowDown');
    expect((await preset(page)).start[1] - after[1]).toBeCloseTo(-10 / 64, 9);
    await expect
      .poll(() => page.locator('.landscape .readout').textContent())
      .toMatch(/^start \(.+\) → /);
  });
});

describe('the seed ensemble', () => {
  it('draws 50 seeds’ ends and paths, their final losses in a strip, and the shares', async () => {
    await page.evaluate((p) => window.descentLab!.load(p), {
      v: 1,
      fn: { id: 'himmelblau' },
      steps: 150,
      noise: { sigma: 4, seed: 1 },
      optimizers: [
        { type: 'adam', lr: 0.1 },
        { type: 'sgd', lr: 0.01 },
      ],
      sweep: { view: 'seeds' },
    });
    await drawnComplete(page, 'seeds', 50);
    const strip = page.locator('.seed-strip svg');
    await expect.poll(() => strip.locator('circle, text.strip-cross').count()).toBe(100);
    expect(await page.locator('.seed-shares tbody tr').count()).toBe(2);
    // Hovering a dot reads that seed out.
    const dot = strip.locator('circle').first();
    await dot.hover();
    await expect
      .poll(() => page.locator('.seed-strip figcaption').textContent())
      .toMatch(/^(Adam|SGD), seed \d+: (final loss .+|diverged)$/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
