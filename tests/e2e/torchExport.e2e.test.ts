/**
 * "Copy as PyTorch" and "Download .py" in Chromium: the page's script for a scene opened by link is
 * the text `descent-lab export-torch` writes for that link, character for character (a scene with
 * noise and Lion, a typed function compiled in the page's worker, a data scene with phases).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gallery } from '../../src/gallery/scenes.ts';
import { run } from '../unit/support/cliInProcess.ts';
import { axeViolations, labSession, openPage } from './browser.ts';
import { linkTo } from './sameNumbers.ts';

const lab = labSession();

const preset = (id: string) => gallery.find((g) => g.id === id)!.preset;
const scenes = [
  {
    name: 'noise and Lion',
    preset: {
      v: 1,
      fn: { id: 'rosenbrock' },
      steps: 300,
      noise: { sigma: 0.3, seed: 4 },
      optimizers: [
        { type: 'lion', lr: 0.003, label: 'Lion' },
        {
          type: 'adam',
          lr: 0.02,
          schedule: { type: 'warmup_cosine', warmup_steps: 30, T_max: 270 },
        },
      ],
    },
  },
  { name: 'a typed function', preset: preset('kink-schedule') },
  { name: 'a data scene with phases', preset: preset('adam-then-sgd') },
];

/** Opens the Export menu unless it is open. */
async function openMenu(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-state="ready"]', { timeout: 30_000 });
  if ((await page.locator('.export-menu').getAttribute('open')) === null) {
    await page.click('.export-menu summary');
  }
}

describe('the PyTorch export on the page', () => {
  it.each(scenes)('copies the command line’s script: $name', async ({ preset }) => {
    const link = linkTo(preset);
    const { context, page, errors } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(`${lab.server.url}${link}`);
    await openMenu(page);
    await page.getByRole('button', { name: 'Copy as PyTorch' }).click();
    await expect
      .poll(() => page.textContent('.export-menu .menu-status'), { timeout: 15_000 })
      .toMatch(/^PyTorch script copied \(\d+ lines\)/);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const cli = await run(['export-torch', link]);
    expect(cli.status).toBe(0);
    expect(copied).toBe(cli.stdout);

    const download = page.waitForEvent('download');
    await openMenu(page);
    await page.getByRole('button', { name: 'Download .py' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^descent-lab-[a-z-]+\.py$/);
    expect(readFileSync((await file.path())!, 'utf8')).toBe(cli.stdout);
    await expect.poll(() => page.textContent('.export-menu .menu-status')).toMatch(/^Saved /);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
