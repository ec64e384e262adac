import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { makeFrame, plotHeight } from '../../src/render/frame.ts';
import { axeViolations, labSession, pagePerTest, pixels } from './browser.ts';

const lab = labSession();
let page: Page;

pagePerTest(
  lab,
  {
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  },
  async (o) => {
    page = o.page;
    await page.goto(lab.server.url);
    await page.waitForSelector('.app[data-state="ready"]');
  },
);

/** The legend's result lines, once the newest scene's runs are complete. */
const results = (page: Page) => page.locator('.legend-item').allTextContents();

/** Waits until the legend differs from `before` (the new scene is computed and listed). */
async function resultsAfter(page: Page, before: string[]): Promise<string[]> {
  await page.waitForFunction(
    (prev) =>
      JSON.stringify([...document.querySelectorAll('.legend-item')].map((e) => e.textContent)) !==
      prev,
    JSON.stringify(before),
  );
  return results(page);
}

/** The parts of the on-screen preset these tests read. */
interface Shown {
  fn: { id: string; params: Record<string, number> };
  view: { x: [number, number]; y: [number, number] };
  start: [number, number];
  optimizers: { type: string; lr: number; betas?: number[] }[];
}

const preset = (page: Page) =>
  page.evaluate(() => window.descentLab!.preset()) as unknown as Promise<Shown>;

const card = (page: Page, label: string) =>
  page.getByRole('group', { name: new RegExp(`^${label} \\(`) });

describe('the live lab', () => {
  it('a learning-rate slider moved by keyboard changes the paths and the results', async () => {
    const before = await results(page);
    const shot = await pixels(page);
    const slider = card(page, 'Adam').locator('input[type="range"][data-field="lr"]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press('ArrowLeft');
    const after = await resultsAfter(page, before);
    expect(after[2]).not.toBe(before[2]);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect((await preset(page)).optimizers[2]!.lr).toBeLessThan(0.05);
    await page.waitForTimeout(100);
    expect(await pixels(page)).not.toBe(shot);
  });

  it('a learning-rate slider moved by mouse changes the paths', async () => {
    const before = await results(page);
    const slider = card(page, 'SGD').locator('input[type="range"][data-field="lr"]');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    const after = await resultsAfter(page, before);
    expect(after[0]).not.toBe(before[0]);
    expect((await preset(page)).optimizers[0]!.lr).toBeGreaterThan(0.001);
  });

  it('adds, duplicates and removes optimizers', async () => {
    await page.getByLabel('Add optimizer').selectOption({ label: 'Lion' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => page.locator('.legend-item').count()).toBe(4);
    await page.getByRole('button', { name: 'Duplicate Adam' }).click();
    await expect.poll(() => page.locator('.legend-item').count()).toBe(5);
    expect((await results(page))[3]).toMatch(/^Adam \(copy\)/);
    expect((await preset(page)).optimizers.map((o) => o.type)).toEqual([
      'sgd',
      'sgd',
      'adam',
      'adam',
      'lion',
    ]);
    await page.getByRole('button', { name: 'Remove Momentum' }).click();
    await expect.poll(() => page.locator('.legend-item').count()).toBe(4);
    expect((await results(page)).join('|')).not.toMatch(/Momentum/);
  });

  it('switches function and parameters', async () => {
    const before = await results(page);
    await page.getByLabel('Function', { exact: true }).selectOption({ label: 'Narrow valley' });
    const after = await resultsAfter(page, before);
    expect(await page.textContent('p.status')).toMatch(/^Narrow valley · 3 optimizers/);
    const kappa = page.getByRole('textbox', { name: /κ.*\(value\)/ });
    await kappa.fill('100');
    await kappa.press('Enter');
    await resultsAfter(page, after);
    expect((await preset(page)).fn).toEqual({
      id: 'narrow_valley',
      params: { kappa: 100, angle: 0 },
    });
  });

  it('drags the start point', async () => {
    const p = await preset(page);
    const canvas = page.locator('canvas.plot');
    const box = (await canvas.boundingBox())!;
    const frame = makeFrame(
      box.width,
      plotHeight(box.width, p.view),
      p.view,
      null as never,
      null as never,
    );
    const sx = box.x + frame.scale.x(p.start[0]);
    const sy = box.y + frame.scale.y(p.start[1]);
    const before = await results(page);
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    await page.mouse.move(sx + 40, sy + 60, { steps: 5 });
    await page.mouse.up();
    await resultsAfter(page, before);
    const [x, y] = (await preset(page)).start;
    expect(x).toBeCloseTo(frame.scale.invertX(frame.scale.x(p.start[0]) + 40), 2);
    expect(y).toBeCloseTo(frame.scale.invertY(frame.scale.y(p.start[1]) + 60), 2);
    // Dragging the start did not pan the view.
    expect((await preset(page)).view).toEqual(p.view);
  });

  it('zooms with the wheel, pans by dragging, and resets', async () => {
    const start = (await preset(page)).view;
    const box = (await page.locator('canvas.plot').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await page.mouse.wheel(0, -400);
    await expect
      .poll(async () => (await preset(page)).view.x[1] - (await preset(page)).view.x[0])
      .toBeLessThan(start.x[1] - start.x[0]);
    const zoomed = (await preset(page)).view;
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 150, { steps: 4 });
    await page.mouse.up();
    const panned = (await preset(page)).view;
    expect(panned.x[0]).toBeLessThan(zoomed.x[0]);
    expect(panned.y[0]).toBeGreaterThan(zoomed.y[0]);
    await page.getByRole('button', { name: 'Reset view' }).click();
    expect((await preset(page)).view).toEqual(start);
  });

  it('marks a diverging run and keeps working', async () => {
    const before = await results(page);
    const lr = card(page, 'SGD').getByRole('textbox', { name: 'Learning rate (value)' });
    await lr.fill('0.1');
    await lr.press('Enter');
    const after = await resultsAfter(page, before);
    expect(after[0]).toMatch(/diverged at step 5/);
    // The page still answers: a sane rate brings the run back.
    await lr.fill('0.0005');
    await lr.press('Enter');
    const again = await resultsAfter(page, after);
    expect(again[0]).toMatch(/final loss/);
  });

  it('refuses a typed value torch would refuse, with a message, and keeps the last valid one', async () => {
    const beta = card(page, 'Adam').getByRole('textbox', { name: /β₁ \(value\)/ });
    await beta.fill('1.5');
    await beta.press('Enter');
    await expect.poll(() => beta.getAttribute('aria-invalid')).toBe('true');
    expect(await card(page, 'Adam').textContent()).toContain('must be in [0, 1), got 1.5');
    expect((await preset(page)).optimizers[2]!.betas).toEqual([0.9, 0.999]);
  });

  it('works from the keyboard alone', async () => {
    const before = await results(page);
    // Into the plot: arrows move the start point.
    await page.locator('canvas.plot').focus();
    await page.keyboard.press('ArrowRight');
    const after = await resultsAfter(page, before);
    expect((await preset(page)).start[0]).toBeGreaterThan(-1.5);
    // Tab to the function picker and change it with the keyboard.
    await page.getByLabel('Function', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await resultsAfter(page, after);
    expect((await preset(page)).fn.id).toBe('narrow_valley');
    // Playback shortcuts work when focus is not in a field: Home rewinds, End jumps to the end.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const scrubber = page.getByRole('slider', { name: 'Step', exact: true });
    await page.keyboard.press('Home');
    await expect.poll(() => scrubber.inputValue()).toBe('0');
    await page.keyboard.press('End');
    await expect.poll(() => scrubber.inputValue()).toBe('500');
  });

  it('has no WCAG 2.1 AA violations after interaction', async () => {
    await page.getByLabel('Add optimizer').selectOption({ label: 'RMSprop' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('button', { name: 'Hide SGD' }).click();
    expect(await axeViolations(page)).toEqual([]);
  });
});
