import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { batchGradients, layerStats } from '../../src/engine/network/layerStats.ts';
import { epochText } from '../../src/ui/network/epochText.ts';
import { axeViolations, labSession, pagePerTest } from './browser.ts';
import { cellValues, spiralHash, spiralScene as scene, trainedSpiral } from './spiral.ts';

const lab = labSession();
let page: Page;

pagePerTest(lab, { viewport: { width: 1280, height: 900 } }, async (o) => {
  page = o.page;
});

/** The gallery's spiral, the "Done when" scene, as the engine trains it here. */
const { training, runs, net, ends } = trainedSpiral();
const stats = runs.map((r) =>
  layerStats(net.layout, r.params, r.loss.length, batchGradients(training, r)),
);

/** The numbers of a table's rows, as the page wrote them (each cell's data-value). */
const tableValues = (page: Page, selector: string) =>
  page.locator(`${selector} tbody tr`).evaluateAll(cellValues);

describe('a network scene’s Layers view', () => {
  it('shows each run’s sharpness and its layers at the cursor, from the worker, keyboard and hover', async () => {
    await page.goto(`${lab.server.url}${spiralHash}`);
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/^Network \[2, 8, 8, 1\] tanh on Spiral · 3 optimizers · 500 steps · computed in/);
    await page.locator('canvas.plot').focus();
    await page.keyboard.press('End');
    // The epoch counter, as the batch order counts epochs (9 batches of ≤ 10 of 90 examples).
    await expect
      .poll(() => page.textContent('.playback-step'))
      .toBe(`step 500 / 500 · ${epochText(scene.network!, 500, 500)}`);
    expect(epochText(scene.network!, 500, 500)).toBe('epoch 55.5 of 55.5');

    await page.locator('.view-switch button', { hasText: 'Layers' }).click();
    const flat = '.flatness-table';
    await page.waitForSelector(flat);
    // Every run's final losses and sharpness: the numbers the gallery's claims are about.
    expect(await tableValues(page, flat)).toEqual(
      ends.map((e) => [String(e.train), String(e.test), String(e.sharp)]),
    );
    const flattest = ends.indexOf(ends.reduce((a, b) => (b.sharp < a.sharp ? b : a)));
    expect(await page.textContent('.flatness-why')).toContain(
      `${scene.optimizers[flattest]!.label} ends flattest`,
    );

    // The chosen run's layers at the cursor's step: layerStats over its batch gradients.
    const layerTable = '.layer-table';
    const rowsAt = (run: number, point: number) =>
      stats[run]!.theta.map((theta, l) => [
        String(theta[point]),
        String(stats[run]!.grad![l]![point - 1]),
        String(stats[run]!.step[l]![point - 1]),
        String(stats[run]!.rate![l]![point - 1]),
      ]);
    expect(await tableValues(page, layerTable)).toEqual(rowsAt(0, 500));
    await page.getByLabel('Run', { exact: true }).selectOption({ label: 'Adam' });
    await expect.poll(() => tableValues(page, layerTable)).toEqual(rowsAt(1, 500));
    // The keyboard steps it: the step bar's button, then the page's ← key.
    await page.getByRole('button', { name: '◀ Previous step' }).click();
    await expect.poll(() => page.getAttribute(layerTable, 'data-step')).toBe('499');
    // (Focus is on the button, which leaves the arrow keys to the page.)
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tableValues(page, layerTable)).toEqual(rowsAt(1, 498));
    expect(await page.textContent('.layer-why')).toMatch(
      /^At step 498, .* has the largest gradient/,
    );

    // Hovering a layer chart shows that step, as hovering the loss chart does.
    const chart = page.locator('.layer-inspector canvas').first();
    await chart.scrollIntoViewIfNeeded();
    const box = (await chart.boundingBox())!;
    await chart.hover({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect
      .poll(() => page.textContent('.layer-inspector .step-bar-step'))
      .toMatch(/\(hovered\)$/);
    const hovered = Number(await page.getAttribute(layerTable, 'data-step'));
    expect(hovered).toBeGreaterThan(100);
    expect(hovered).toBeLessThan(400);
    expect(await tableValues(page, layerTable)).toEqual(rowsAt(1, hovered));
    await page.mouse.move(0, 0);

    expect(await axeViolations(page)).toEqual([]);
  });
});
