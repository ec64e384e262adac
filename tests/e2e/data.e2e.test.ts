import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { axeViolations, labSession, pagePerTest, pixels } from './browser.ts';
import type { DataObjective } from '../../src/engine/data/objective.ts';
import { getFunction } from '../../src/engine/functions/index.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { linkTo } from './sameNumbers.ts';

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
  },
);

const computed = (page: Page) =>
  expect.poll(() => page.textContent('p.status'), { timeout: 30_000 }).toMatch(/computed in/);

const chartLabel = (page: Page) =>
  page.locator('canvas.loss-chart-canvas').getAttribute('aria-label');

const shown = (page: Page) =>
  page.evaluate(() => window.descentLab!.preset()) as Promise<{
    fn: { id: string; params?: Record<string, number> };
  }>;

describe('losses made of data', () => {
  it('the sharp and flat wells: training and test losses; the data panel shows the shifts, the batch ringed', async () => {
    const scene = gallery.find((g) => g.id === 'data-flat-minimum')!;
    await page.goto(`${lab.server.url}${linkTo(scene.preset)}`);
    await page.waitForSelector('.app[data-state="ready"]');
    await computed(page);
    expect(await page.textContent('p.status')).toMatch(/^Sharp and flat wells \(data\)/);
    // Training and test losses for the one run.
    await expect
      .poll(() => chartLabel(page), { timeout: 30_000 })
      .toMatch(/SGD [\d.e−-]+ \(test [\d.e−-]+\)/);
    await page.locator('.view-switch button', { hasText: 'Data' }).click();
    const panel = page.locator('.data-canvas').first();
    await expect
      .poll(() => panel.getAttribute('aria-label'))
      .toBe(
        "The shifts (a, b) of 100 training examples at step 600; step 600's batch of 4 ringed.",
      );
    const { order } = getFunction('shifted_wells')!.create(
      sceneFromPreset(scene.preset).fn.params,
      1,
    ) as DataObjective;
    expect(await panel.getAttribute('data-batch')).toBe(order.indices(599).join(' '));
    expect(await page.locator('.data-figure .data-key').textContent()).toContain(
      'each training example’s shift (a, b)',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('picked from the menu: its own sliders, and the chart gives training and test losses', async () => {
    await page.goto(lab.server.url);
    await page.waitForSelector('.app[data-state="ready"]');
    await page
      .getByLabel('Function', { exact: true })
      .selectOption({ label: 'Linear regression (data)' });
    await computed(page);
    for (const name of ['N (examples)', 'B (batch size)', 'test share', 'data seed'])
      await expect.poll(() => page.getByLabel(`${name} (value)`).count()).toBe(1);
    await expect
      .poll(() => chartLabel(page), { timeout: 30_000 })
      .toMatch(/final losses \(training; test in brackets\) SGD [\d.e-]+ \(test [\d.e-]+\)/);
    expect((await shown(page)).fn.id).toBe('linear_regression');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a batch larger than the training set is refused with a message; the scene stays', async () => {
    const preset = {
      v: 1,
      fn: { id: 'linear_regression', params: { n: 200, batch: 8 } },
      steps: 100,
      optimizers: [{ type: 'sgd', lr: 0.05 }],
    };
    await page.goto(`${lab.server.url}${linkTo(preset)}`);
    await page.waitForSelector('.app[data-state="ready"]');
    await computed(page);
    const field = page.getByLabel('B (batch size) (value)');
    await field.fill('151');
    await field.press('Enter');
    await expect
      .poll(() => page.locator('.ctl-problem').allTextContents())
      .toContain('must be at most the 150 training examples');
    expect((await shown(page)).fn.params?.['batch']).toBe(8);
    await field.fill('150');
    await field.press('Enter');
    await expect.poll(async () => (await shown(page)).fn.params?.['batch']).toBe(150);
  });

  it('the noise seed reorders the batches: another seed, other paths on the same data', async () => {
    const preset = {
      v: 1,
      fn: { id: 'sparse_logistic', params: { batch: 4 } },
      steps: 200,
      noise: { sigma: 0, seed: 1 },
      optimizers: [{ type: 'adagrad', lr: 0.5 }],
    };
    await page.goto(`${lab.server.url}${linkTo(preset)}`);
    await page.waitForSelector('.app[data-state="ready"]');
    await computed(page);
    const before = await chartLabel(page);
    const shot = await pixels(page);
    const seed = page.getByLabel('Noise seed');
    await seed.fill('2');
    await seed.press('Enter');
    await expect.poll(() => chartLabel(page), { timeout: 30_000 }).not.toBe(before);
    await expect.poll(() => pixels(page)).not.toBe(shot);
  });

  it('a slider on one optimizer draws its whole new path in the next frame; its losses follow', async () => {
    const preset = {
      v: 1,
      fn: { id: 'sparse_logistic', params: { n: 1334, test: 0.25, batch: 32 } },
      steps: 1000,
      optimizers: [
        { type: 'sgd', lr: 0.05 },
        { type: 'adam', lr: 0.02 },
        { type: 'lion', lr: 0.003 },
      ],
    };
    await page.goto(`${lab.server.url}${linkTo(preset)}`);
    await page.waitForSelector('.app[data-state="ready"]');
    await computed(page);
    const losses = () =>
      page
        .locator('.legend-item')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-loss')));
    const before = await losses();
    await page.locator('input[type="range"][data-field="lr"]').nth(1).press('ArrowRight');
    // The first frame drawn for the request: a whole path on the page, where the worker's first
    // chunk of a run this costly holds a few dozen points.
    const first = await page.evaluate(() => {
      const requests = performance.getEntriesByName('descent-lab:simulate') as PerformanceMark[];
      const runId = requests.at(-1)!.detail as number;
      return new Promise<number[]>((resolve) => {
        const look = () => {
          const drawn = (performance.getEntriesByName('descent-lab:draw') as PerformanceMark[])
            .map((m) => m.detail as { runId: number; paths: number[] })
            .find((d) => d.runId >= runId);
          if (drawn) resolve(drawn.paths);
          else requestAnimationFrame(look);
        };
        look();
      });
    });
    expect(first).toEqual([1001, 1001, 1001]);
    // Only Adam's run changed: SGD's and Lion's final losses stay, bit for bit.
    await expect.poll(async () => (await losses())[1], { timeout: 30_000 }).not.toBe(before[1]);
    const after = await losses();
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
  });
});
