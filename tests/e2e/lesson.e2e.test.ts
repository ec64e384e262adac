import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { gallery } from '../../src/gallery/scenes.ts';
import { sceneFromPreset, toPreset } from '../../src/preset/index.ts';
import { axeViolations, labSession, openPage } from './browser.ts';

const lab = labSession();

/** The preset the page shows for gallery scene k, as the page writes presets. */
const expected = (k: number) => toPreset(sceneFromPreset(gallery[k]!.preset));

describe('the lesson path', () => {
  it('walks every gallery scene in order by keyboard, with its text, back and a link per step', async () => {
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      expect(await page.locator('.lesson').count()).toBe(0);
      await page.locator('.gallery summary').press('Enter');
      await page.getByRole('link', { name: 'Walk the lesson path' }).press('Enter');
      const where = page.locator('.lesson-where');
      for (let k = 0; k < gallery.length; k++) {
        await expect
          .poll(() => where.textContent())
          .toMatch(new RegExp(`^Lesson path · step ${k + 1} of ${gallery.length} · `));
        expect(await page.locator('.lesson-title').textContent()).toBe(gallery[k]!.title);
        expect(await page.locator('.lesson-text').textContent()).toBe(gallery[k]!.lesson);
        // The step's scene is the gallery's, live in the lab.
        await expect
          .poll(() => page.evaluate(() => window.descentLab!.preset()))
          .toEqual(expected(k));
        if (k === 0) expect(await axeViolations(page)).toEqual([]);
        if (k + 1 < gallery.length) await page.locator('a[rel="next"]').press('Enter');
      }
      expect(await page.locator('.lesson-nav').textContent()).toMatch(/the path ends here/);
      await page.locator('a[rel="prev"]').press('Enter');
      await expect
        .poll(() => page.locator('.lesson-title').textContent())
        .toBe(gallery.at(-2)!.title);

      // Edited, the step says its text is about its own scene; its link brings that back.
      expect(await page.locator('.lesson-edited').count()).toBe(0);
      const rate = page.getByLabel('Learning rate (value)').first();
      await rate.fill('0.0123');
      await rate.press('Enter');
      await expect.poll(() => page.locator('.lesson-edited').count()).toBe(1);
      await page.getByRole('link', { name: 'Link to this step' }).press('Enter');
      await expect.poll(() => page.locator('.lesson-edited').count()).toBe(0);
      await expect
        .poll(() => page.evaluate(() => window.descentLab!.preset()))
        .toEqual(expected(gallery.length - 2));

      // A step's link opens that step in a fresh page.
      const link = await page.getByRole('link', { name: 'Link to this step' }).getAttribute('href');
      const fresh = await context.newPage();
      await fresh.goto(`${lab.server.url}${link}`);
      await fresh.waitForSelector('.lesson');
      expect(await fresh.locator('.lesson-title').textContent()).toBe(gallery.at(-2)!.title);
      await expect
        .poll(() => fresh.evaluate(() => window.descentLab!.preset()))
        .toEqual(expected(gallery.length - 2));

      // Leaving the path keeps the scene and drops the step's text.
      await page.getByRole('button', { name: 'Leave the path' }).press('Enter');
      expect(await page.locator('.lesson').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
