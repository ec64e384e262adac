import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import {
  axisValue,
  defaultSweep,
  levelsOf,
  planOf,
  runSweep,
} from '../../src/engine/sweep/index.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { sweepCsvText } from '../../src/preset/sweepFormats.ts';
import { bestValues } from '../../src/ui/sweep/curvesText.ts';
import type { SweepProgress } from '../../src/workers/sweepClient.ts';
import { formatNumber } from '../../src/ui/format.ts';
import { labSession, openPage, type OpenPage } from './browser.ts';

const lab = labSession();

/** The narrow valley with momentum, Adam and plain SGD: the scene the map and curves study. */
const valley = {
  v: 1,
  fn: { id: 'narrow_valley' },
  steps: 200,
  optimizers: [
    { type: 'sgd', lr: 0.01, momentum: 0.9 },
    { type: 'adam', lr: 0.1 },
    { type: 'sgd', lr: 0.01 },
  ],
} as const;

/** Waits until the sweep's status says every cell is computed. */
const finished = (page: Page) =>
  page.waitForFunction(
    () => /cells in/.test(document.querySelector('.sweep-status')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );

/** Clicks the button named `name` and returns the text of the file it downloads. */
async function download(page: Page, name: string, encoding: 'utf8' | 'binary' = 'utf8') {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name }).click(),
  ]);
  return readFileSync((await file.path())!, encoding);
}

/** The WCAG 2.1 AA violations axe finds inside the sweep panel. */
async function panelViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .include('.sweep-panel')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

describe('sweeps', () => {
  it('maps lr × momentum on the narrow valley, reads a cell, loads one by keyboard, races at the best lr', async () => {
    let open: OpenPage | undefined;
    try {
      open = await openPage(lab.browser, { viewport: { width: 1366, height: 900 } });
      const { page, errors } = open;
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      await page.evaluate((preset) => window.descentLab!.load(preset), valley);
      await page.locator('.view-switch button', { hasText: 'Sweeps' }).click();
      await finished(page);
      expect(await page.locator('.sweep-status').textContent()).toMatch(
        /^1,024 cells in \d+ ms\.$/,
      );
      expect(await panelViolations(page)).toEqual([]);

      // The exports: the cells exactly as the engine computes them here, the picture twice.
      const opened = sceneFromPreset(await page.evaluate(() => window.descentLab!.preset()));
      expect(opened.sweep?.view).toBe('map');
      const mapPlan = planOf(opened);
      expect(await download(page, 'Cells as CSV')).toBe(sweepCsvText(mapPlan, runSweep(mapPlan)));
      const svg = await download(page, 'Map as SVG');
      expect(svg).toMatch(/^<svg /);
      expect(svg.match(/<rect /g)!.length).toBeGreaterThan(32);
      expect((await download(page, 'Map as PNG', 'binary')).startsWith('\x89PNG')).toBe(true);

      // Hover: the readout names both settings and the run's final loss.
      const canvas = page.locator('.sweep-map-canvas');
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
      const readout = page.locator('.sweep-map-canvas ~ figcaption .sweep-readout');
      await expect
        .poll(() => readout.textContent())
        .toMatch(
          /^Learning rate \(.+\) = [\d.]+.*, Momentum \(.+\) = [\d.]+: (final loss|diverged)/,
        );
      await page.mouse.move(0, 0);

      // Keyboard: focus the map (it starts on the scene's own setting), move, Enter loads the cell.
      const scene = sceneFromPreset(await page.evaluate(() => window.descentLab!.preset()));
      const axes = planOf({ ...scene, sweep: defaultSweep(scene) }).axes;
      const hashBefore = await page.evaluate(() => location.hash);
      const status = await page.locator('.sweep-status').textContent();
      await canvas.focus();
      const start = await readout.textContent();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => readout.textContent()).not.toBe(start);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(hashBefore);
      const loaded = sceneFromPreset(await page.evaluate(() => window.descentLab!.preset()));
      const { lr, momentum } = loaded.optimizers[0]!.hyper as { lr: number; momentum: number };
      // The loaded values are exactly two of the map's axis values.
      const lrs = Array.from({ length: axes[0]!.count }, (_, i) => axisValue(axes[0]!, i));
      const ms = Array.from({ length: axes[1]!.count }, (_, j) => axisValue(axes[1]!, j));
      expect(lrs).toContain(lr);
      expect(ms).toContain(momentum);
      expect(lr).not.toBe(0.01);
      // The optimizer's card shows them; the map was not recomputed for it.
      const card = page.locator('.ctl-card').first();
      await expect
        .poll(() => card.getByLabel('Learning rate (value)').inputValue())
        .toBe(String(Number(lr.toPrecision(6))));
      expect(await page.locator('.sweep-status').textContent()).toBe(status);
      // The focused cell is the loaded one: the readout gives its lr.
      expect(await readout.textContent()).toContain(`= ${formatNumber(lr)},`);

      // The curves, reached by keyboard from the tab list; then the race at the best lr.
      await page.getByRole('tab', { name: 'Map' }).focus();
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByRole('tab', { name: 'LR curves' }).getAttribute('aria-selected'))
        .toBe('true');
      await finished(page);
      const race = page.getByRole('button', { name: 'Race at their best lr' });
      await expect.poll(() => race.isEnabled()).toBe(true);
      expect(await page.locator('.sweep-race .sweep-caption').first().textContent()).toContain(
        'Grid: 31 values of lr from 1 × 10⁻⁵ to 10, log-spaced; 200 steps; metric: final loss; 1 seed',
      );
      const before = sceneFromPreset(await page.evaluate(() => window.descentLab!.preset()));
      const curves = { ...before, sweep: defaultSweep(before, 'curves') };
      const plan = planOf(curves);
      const columns = runSweep(plan);
      const computed: SweepProgress = {
        id: 0,
        scene: curves,
        plan,
        columns,
        level: new Uint8Array(columns.cells).fill(1),
        computed: columns.cells,
        done: true,
        ms: 0,
        error: null,
      };
      const best = bestValues(computed, 'final_loss');
      expect(levelsOf(plan.axes)).toHaveLength(4);
      await race.click();
      await expect
        .poll(async () =>
          sceneFromPreset(await page.evaluate(() => window.descentLab!.preset())).optimizers.map(
            (o) => o.hyper['lr'],
          ),
        )
        .toEqual(best.map((v, k) => v ?? (valley.optimizers[k]!.lr as number)));

      // A refused value: its message beside the field, nothing computed, the sweep unchanged.
      const curvesStatus = await page.locator('.sweep-status').textContent();
      const sweepBefore = (await page.evaluate(() => window.descentLab!.preset())).sweep;
      const fromField = page.locator('.sweep-axis').getByLabel('From');
      await fromField.fill('0');
      await fromField.press('Enter');
      await expect
        .poll(() => page.locator('.sweep-axis .ctl-problem').allTextContents())
        .toContain('sweep.curves.axis.from must be > 0 on a log scale, got 0');
      expect(await fromField.getAttribute('aria-invalid')).toBe('true');
      expect((await page.evaluate(() => window.descentLab!.preset())).sweep).toEqual(sweepBefore);
      expect(await page.locator('.sweep-status').textContent()).toBe(curvesStatus);
      expect(await panelViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await open?.context.close();
    }
  });
});
