import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { gradientCloud } from '../../src/engine/data/cloud.ts';
import type { DataObjective } from '../../src/engine/data/objective.ts';
import { builtinObjective } from '../../src/engine/objective.ts';
import { simulate } from '../../src/engine/simulate.ts';
import { sceneFromPreset, sceneHash } from '../../src/preset/index.ts';
import { cloudReadout } from '../../src/ui/data/cloudText.ts';
import { axeViolations, labSession, openPage } from './browser.ts';

const lab = labSession();

/** A linear regression of 400 examples (300 train) with batches of `batch`, SGD and Adam. */
const preset = (batch: number) => ({
  v: 1,
  fn: { id: 'linear_regression', params: { n: 400, batch } },
  steps: 60,
  optimizers: [
    { type: 'sgd', lr: 0.05, label: 'SGD' },
    { type: 'adam', lr: 0.1, label: 'Adam' },
  ],
});

/** The readout as the page shows it: [term, value] pairs. */
const readout = (page: Page) =>
  page.$$eval('.cloud-readout dt', (terms) =>
    terms.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent] as const),
  );

/** What the page should show for optimizer `index`'s step `step` of the scene: the kernel's. */
function expected(batch: number, index: number, step: number) {
  const scene = sceneFromPreset(preset(batch));
  const run = simulate(scene).runs[index]!;
  const objective = builtinObjective(scene.fn, scene.noise.seed) as DataObjective;
  const cloud = gradientCloud(objective, run.x[step - 1]!, run.y[step - 1]!, step - 1);
  const lines = cloudReadout({ cloud, step, used: cloud.batchGrad, label: '', color: '' });
  return { cloud, lines: lines.map((l) => [l.term, l.value] as const), objective };
}

/** The cloud's own region. */
const cloudRegion = (page: Page) => page.getByRole('region', { name: 'The gradient cloud' });

/** Waits until the readout shows step `step`'s cloud. */
const readoutAt = (page: Page, step: number) =>
  page.waitForSelector(`.cloud-readout[data-step="${step}"]`);

describe('the data view', () => {
  it('opens from a data link by keyboard; the cloud reads as the kernel; its ellipse shrinks with B', async () => {
    const { page, errors, context } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(`${lab.server.url}#${sceneHash(sceneFromPreset(preset(8)))}`);
      await page.waitForSelector('.app[data-state="ready"]');
      // Reached and opened from the keyboard alone.
      const button = page.locator('.view-switch button', { hasText: 'Data' });
      for (let i = 0; i < 60 && !(await button.evaluate((b) => b === document.activeElement)); i++)
        await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await expect(cloudRegion(page).count()).resolves.toBe(1);

      // The cursor starts at the end: step 60, taken from point 59 with batch 59.
      await readoutAt(page, 60);
      const end = expected(8, 0, 60);
      expect(await readout(page)).toEqual(end.lines);
      const ringed = await page.locator('.data-canvas').first().getAttribute('data-batch');
      expect(ringed).toBe(end.objective.order.indices(59).join(' '));
      const label = await page.locator('.data-canvas').first().getAttribute('aria-label');
      expect(label).toContain('300 training examples');
      expect(label).toContain("step 60's batch of 8 ringed");

      // The other optimizer, from the cloud's own menu: Adam's point, the same batch.
      await cloudRegion(page)
        .getByLabel('optimizer', { exact: true })
        .selectOption({ label: 'Adam' });
      await page.waitForFunction(
        (text) => document.querySelector('.cloud-readout dd')?.textContent === text,
        expected(8, 1, 60).lines[0]![1],
      );
      expect(await readout(page)).toEqual(expected(8, 1, 60).lines);
      await cloudRegion(page)
        .getByLabel('optimizer', { exact: true })
        .selectOption({ label: 'SGD' });

      // Step 1 is taken at the start, whatever B: the same Σ, a batch-mean spread ∝ √(1/B − ·).
      const spreads: number[] = [];
      for (const batch of [8, 32, 128]) {
        if (batch !== 8) await page.evaluate((p) => window.descentLab!.load(p), preset(batch));
        await page.locator('body').press('Home');
        await readoutAt(page, 1);
        const want = expected(batch, 0, 1);
        await page.waitForFunction(
          (text) =>
            document.querySelector('.cloud-readout dd[data-value="batch"]')?.textContent === text,
          `${batch} of N = 300`,
        );
        expect(await readout(page)).toEqual(want.lines);
        const spread = await page.textContent('.cloud-readout dd[data-value="spread"]');
        spreads.push(Number(spread!.split(' × ')[0]!.replace('−', '-')));
        // The kernel's own numbers, and the exact finite-population factor between them.
        const factor = (300 - batch) / (299 * batch);
        expect(want.cloud.batchCov.xx).toBeCloseTo(want.cloud.cov.xx * factor, 12);
      }
      expect(spreads[1]).toBeLessThan(spreads[0]!);
      expect(spreads[2]).toBeLessThan(spreads[1]!);

      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is offered only for losses made of data', async () => {
    const { page, errors, context } = await openPage(lab.browser, {
      viewport: { width: 390, height: 844 },
    });
    try {
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      expect(await page.locator('.view-switch button', { hasText: 'Data' }).count()).toBe(0);
      await page.evaluate((p) => window.descentLab!.load(p), preset(8));
      await page.locator('.view-switch button', { hasText: 'Data' }).click();
      await readoutAt(page, 60);
      expect(await page.textContent('.cloud-verdict')).toMatch(/B = 8 is (below|above) B_noise/);
      // A phone's width: both plots fit, nothing scrolls sideways.
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
        ),
      ).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
