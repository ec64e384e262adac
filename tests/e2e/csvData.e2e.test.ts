import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { axeViolations, labSession, openPage } from './browser.ts';
import { cliJson, EXPORTED_JSON } from './sameNumbers.ts';

const lab = labSession();
const wide = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' } as const;

/** 40 rows of a noisy line t = 1.5a − 0.5, three decimals, with a header: what a user pastes. */
const goodCsv = [
  'x,y',
  ...Array.from({ length: 40 }, (_, i) => {
    const a = -1 + ((i * 7919) % 40) / 10;
    const t = 1.5 * a - 0.5 + (((i * 31) % 11) - 5) / 20;
    return `${a.toFixed(3)},${t.toFixed(3)}`;
  }),
].join('\n');

const computed = (page: Page) =>
  expect.poll(() => page.textContent('p.status'), { timeout: 30_000 }).toMatch(/computed in/);

const preset = (page: Page) =>
  page.evaluate(() => window.descentLab!.preset()) as Promise<{
    fn: { id: string; rows?: number[][] };
  }>;

async function openDialog(page: Page): Promise<void> {
  await page.getByLabel('Function', { exact: true }).selectOption({ label: 'Your data (CSV)…' });
  await page.getByRole('dialog', { name: 'Your data (CSV)' }).waitFor();
}

describe('your own data (CSV)', () => {
  it('a bad paste is named line by line and changes nothing; a good one is drawn, linked and reopened with the same numbers', async () => {
    const first = await openPage(lab.browser, {
      ...wide,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = first;
    try {
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      await computed(page);
      await openDialog(page);
      const rows = page.getByLabel('Rows', { exact: true });
      await rows.fill('x,y\n1,2\n3,abc\n\n4,5,6\n7,Infinity\n8,9');
      await page.getByRole('button', { name: 'Use these rows' }).click();
      const errors = page.locator('.csv-errors li');
      await expect
        .poll(() => errors.allTextContents())
        .toEqual([
          'line 3: column 2: "abc" is not a number',
          'line 5: has 3 values; a row here is x, y (2)',
          'line 6: column 2 is not a finite number (Infinity)',
        ]);
      // The message is the text box's description, for screen readers.
      const described = (await rows.getAttribute('aria-describedby'))!.split(' ');
      const errorsId = await page.locator('.csv-errors').getAttribute('id');
      expect(described).toContain(errorsId);
      expect(await rows.getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      expect((await preset(page)).fn.id).toBe('rosenbrock');

      await rows.fill(goodCsv);
      await page.getByRole('button', { name: 'Use these rows' }).click();
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      const shown = await preset(page);
      expect(shown.fn.id).toBe('user_regression');
      expect(shown.fn.rows).toHaveLength(40);
      expect(shown.fn.rows![0]).toEqual(goodCsv.split('\n')[1]!.split(',').map(Number));
      await computed(page);

      // The data view shows the user's points: 30 of the 40 train (test share 0.25).
      await page.locator('.view-switch button', { hasText: 'Data' }).click();
      await expect
        .poll(() => page.locator('.data-canvas').first().getAttribute('aria-label'))
        .toContain('30 training examples');
      // The gradient cloud is of the user's rows: a batch of 8 of the 30.
      await expect
        .poll(() => page.locator('.cloud-readout dd[data-value="batch"]').textContent())
        .toBe('8 of N = 30');
      const exported = (await page.evaluate(EXPORTED_JSON)) as string;
      expect(JSON.parse(exported).runs).toHaveLength(3);

      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.textContent('.copy-status')).toMatch(/Link copied/);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link.startsWith(`${lab.server.url}#s=1.`)).toBe(true);

      const second = await openPage(lab.browser, wide);
      try {
        await second.page.goto(link);
        await second.page.waitForSelector('.app[data-state="ready"]');
        await computed(second.page);
        expect(await preset(second.page)).toEqual(await preset(page));
        expect(await second.page.locator('.notice').count()).toBe(0);
        // The same numbers on the reopened page and on the command line.
        expect(await second.page.evaluate(EXPORTED_JSON)).toBe(exported);
        expect(await cliJson(link.slice(link.indexOf('#')))).toBe(exported);
        expect(second.errors).toEqual([]);
      } finally {
        await second.context.close();
      }
      expect(first.errors).toEqual([]);
    } finally {
      await first.context.close();
    }
  });

  it('a file of x₁, x₂, label rows gives the logistic regression without bias; Escape cancels', async () => {
    const { page, errors, context } = await openPage(lab.browser, wide);
    try {
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      await openDialog(page);
      // Escape closes the dialog and changes nothing.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect((await preset(page)).fn.id).toBe('rosenbrock');

      await openDialog(page);
      // The dialog opens on its text box, and says the logistic model has no bias.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await expect
        .poll(() => page.getByRole('dialog').textContent())
        .toContain('without a bias term');
      // A file dropped on the text box is read like a chosen one: here, labels that are not 0/1.
      await page.evaluate(() => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File(['x1,x2,label\n1,2,1\n3,4,2\n'], 'drop.csv', { type: 'text/csv' }),
        );
        const box = document.querySelector('dialog textarea')!;
        box.dispatchEvent(
          new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
        box.dispatchEvent(
          new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }),
        );
      });
      await expect
        .poll(() => page.locator('.csv-errors li').allTextContents())
        .toEqual(['line 3: column 3 is a label, which must be 0 or 1, got 2']);
      expect((await preset(page)).fn.id).toBe('rosenbrock');
      const lines = ['x1,x2,label'];
      for (let i = 0; i < 30; i++) {
        const [a, b] = [((i * 37) % 19) / 4 - 2, ((i * 11) % 7) / 2 - 1.5];
        lines.push(`${a},${b},${a - 0.5 * b + (i % 3) - 1 > 0 ? 1 : 0}`);
      }
      await page.getByLabel(/^Or a CSV file/).setInputFiles({
        name: 'points.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(lines.join('\r\n')),
      });
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      const shown = await preset(page);
      expect(shown.fn.id).toBe('user_logistic');
      expect(shown.fn.rows).toHaveLength(30);
      await computed(page);
      await page.locator('.view-switch button', { hasText: 'Data' }).click();
      await expect
        .poll(() => page.locator('.data-canvas').first().getAttribute('aria-label'))
        .toContain('22 training examples');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
