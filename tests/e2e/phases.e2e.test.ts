import lz from 'lz-string';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { axeViolations, labSession, openPage, pathsSettled } from './browser.ts';

const lab = labSession();

const linkTo = (preset: unknown) =>
  `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(preset))}`;

/** Adam until step 150, then SGD with momentum; a plain SGD beside it. */
const switching = {
  v: 1,
  fn: { id: 'rosenbrock' },
  start: [-1.5, 2],
  steps: 300,
  optimizers: [
    {
      type: 'adam',
      lr: 0.02,
      label: 'Adam → SGD',
      phases: [{ from: 150, type: 'sgd', lr: 2e-4, momentum: 0.9 }],
    },
    { type: 'sgd', lr: 1e-3 },
  ],
};

/** The switch points the landscape drew, as [run, from] pairs ('' when none). */
const marks = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLCanvasElement>('canvas.plot')!.dataset['phases']);

describe('switching optimizers mid-run, in the browser', () => {
  it('opens a link with phases: a marker at the switch, the inspector names the phase', async () => {
    const { page, errors, context } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(`${lab.server.url}${linkTo(switching)}`);
      await page.waitForSelector('.app[data-state="ready"]');
      await pathsSettled(page);
      await expect.poll(() => marks(page)).toBe('[[0,150]]');
      // The link reads back with its phase: nothing was dropped on the way in.
      const preset = await page.evaluate(() => window.descentLab!.preset());
      expect(JSON.stringify(preset)).toContain('"phases":[{"from":150,"type":"sgd"');

      // Inspect it at step 151: the first step of the new phase.
      await page.click('button.inspect-toggle[aria-label^="Inspect Adam → SGD"]');
      await page.locator('.playback').getByLabel('Step').fill('151');
      await expect
        .poll(() => page.textContent('.inspect-phase'))
        .toMatch(/Phase 2 of 2: SGD, steps 151 on — a new optimizer/);
      expect(await page.textContent('.inspector-type')).toContain('SGD');

      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('adds a phase from the optimizer card: the path switches and shows its marker', async () => {
    const { page, errors, context } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    try {
      const plain = { ...switching, optimizers: [{ type: 'adam', lr: 0.02 }] };
      await page.goto(`${lab.server.url}${linkTo(plain)}`);
      await page.waitForSelector('.app[data-state="ready"]');
      await pathsSettled(page);
      expect(await marks(page)).toBe('');
      const card = page.locator('[role="group"][aria-label^="Adam"]').first();
      await card.locator('summary', { hasText: 'Switch optimizer mid-run' }).click();
      const from = card.getByLabel('Switch after step');
      await from.fill('100');
      await from.press('Enter');
      await card.getByLabel('to', { exact: true }).selectOption('momentum');
      await card.getByRole('button', { name: 'Add phase' }).click();
      await expect.poll(() => marks(page)).toBe('[[0,100]]');
      const preset = await page.evaluate(() => window.descentLab!.preset());
      expect((preset['optimizers'] as Record<string, unknown>[])[0]!['phases']).toEqual([
        {
          from: 100,
          type: 'sgd',
          lr: 0.001,
          momentum: 0.9,
          dampening: 0,
          nesterov: false,
          weight_decay: 0,
        },
      ]);
      // The phase's own controls: every hyperparameter of its type, its schedule, its step.
      const row = card.getByRole('group', { name: 'Phase from step 101' });
      const momentum = row.getByLabel('Momentum (value)');
      await momentum.fill('0.5');
      await momentum.press('Enter');
      await row.getByLabel('Learning-rate schedule').selectOption('exponential');
      const after = row.getByLabel('Switches after step');
      await after.fill('600');
      await after.press('Enter');
      // Refused with the range it must keep to (before the scene's last step), and kept as it was.
      await expect.poll(() => row.locator('.ctl-problem').first().textContent()).toMatch(/299/);
      await after.fill('120');
      await after.press('Enter');
      await expect.poll(() => marks(page)).toBe('[[0,120]]');
      const phase = (await page.evaluate(() => window.descentLab!.preset()))['optimizers'] as {
        phases: Record<string, unknown>[];
      }[];
      expect(phase[0]!.phases[0]).toMatchObject({
        from: 120,
        type: 'sgd',
        momentum: 0.5,
        schedule: { type: 'exponential' },
      });
      // The entry's own momentum-free settings were left alone.
      expect(phase[0]).not.toHaveProperty('momentum');
      const edited = card.getByRole('group', { name: 'Phase from step 121' });
      await expect
        .poll(() =>
          edited.getByLabel('Switches after step').evaluate((e) => e === document.activeElement),
        )
        .toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await card.getByRole('button', { name: 'Remove phase' }).click();
      await expect.poll(() => marks(page)).toBe('');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
