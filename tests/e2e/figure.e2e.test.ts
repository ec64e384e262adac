import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, labSession, openPage, pathsSettled } from './browser.ts';
import { linkTo } from './sameNumbers.ts';

const lab = labSession();

/** Clicks `name` in the open export menu; the downloaded file's name and bytes. */
async function download(page: Page, name: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** The RGBA of the pixel (x, y) of a PNG, decoded by the browser. */
const pixelOf = (page: Page, png: Buffer, x: number, y: number) =>
  page.evaluate(
    async ({ base64, x, y }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return [...ctx.getImageData(x, y, 1, 1).data];
    },
    { base64: png.toString('base64'), x, y },
  );

describe('a figure for a slide, from the export menu', () => {
  it('titles, captions and draws the landscape at 1280 × 720 (2×), on white or on nothing', async () => {
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      await pathsSettled(page);
      await page.click('.export-menu summary');
      const title = page.getByLabel('Title', { exact: true });
      // The default title names the function and the optimizers; the caption says how to redo it.
      expect(await title.inputValue()).toBe('Rosenbrock: SGD, Momentum and Adam');
      expect(await page.getByLabel('Caption').inputValue()).toMatch(
        /^500 steps from \(−1\.5, 2\)\. Learning rates: SGD 0\.001, Momentum 0\.001, Adam 0\.05\./,
      );
      await title.fill('Momentum on a banana');
      expect(await axeViolations(page)).toEqual([]);

      const white = await download(page, 'Figure (PNG)');
      expect(white.name).toBe('descent-lab-rosenbrock.figure.png');
      expect(white.bytes.subarray(1, 4).toString()).toBe('PNG');
      expect([white.bytes.readUInt32BE(16), white.bytes.readUInt32BE(20)]).toEqual([2560, 1440]);
      expect(await pixelOf(page, white.bytes, 2, 2)).toEqual([255, 255, 255, 255]);
      // The landscape's filled bands made it through the SVG into the PNG: a pixel inside the plot
      // is neither white nor clear.
      const inside = await pixelOf(page, white.bytes, 600, 700);
      expect(inside[3]).toBe(255);
      expect(inside.slice(0, 3)).not.toEqual([255, 255, 255]);

      await page.getByLabel('Background').selectOption('transparent');
      const clear = await download(page, 'Figure (PNG)');
      expect((await pixelOf(page, clear.bytes, 2, 2))[3]).toBe(0);

      const svg = await download(page, 'Figure (SVG)');
      expect(svg.name).toBe('descent-lab-rosenbrock.figure.svg');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          size: [
            doc.documentElement.getAttribute('width'),
            doc.documentElement.getAttribute('height'),
          ],
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
          polylines: doc.querySelectorAll('polyline').length,
        };
      }, svg.bytes.toString('utf8'));
      expect(parsed.error).toBeNull();
      expect(parsed.size).toEqual(['1280', '720']);
      expect(parsed.texts).toContain('Momentum on a banana');
      expect(parsed.texts).toEqual(expect.arrayContaining(['SGD', 'Momentum', 'Adam']));
      expect(parsed.polylines).toBe(3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('of a network scene, names the colour key by the loss drawn and the axes as the page does', async () => {
    const preset = {
      v: 1,
      fn: { id: 'rosenbrock' },
      steps: 60,
      network: { data: 'circle', hidden: [4], slice: { plane: 'pca', run: 0, loss: 'test' } },
      optimizers: [
        { type: 'sgd', lr: 0.3, label: 'SGD' },
        { type: 'adam', lr: 0.03, label: 'Adam' },
      ],
    };
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1366, height: 768 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(`${lab.server.url}${linkTo(preset)}`);
      await expect
        .poll(() => page.textContent('p.status'), { timeout: 60_000 })
        .toMatch(/ · computed in/);
      await page.waitForSelector('.app[data-state="ready"]');
      const name = await page.textContent('.colour-scale-name');
      expect(name).toBe('test loss');
      await page.click('.export-menu summary');
      const svg = await download(page, 'Figure (SVG)');
      expect(svg.name).toBe('descent-lab-network-circle.figure.svg');
      const texts = await page.evaluate(
        (text) =>
          [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text')].map(
            (t) => t.textContent,
          ),
        svg.bytes.toString('utf8'),
      );
      expect(texts).toContain(name);
      const axes = texts.filter((t) => /^PC[12] \([\d.]+% of variance\)$/.test(t ?? ''));
      expect(axes.map((t) => t!.slice(0, 3))).toEqual(['PC1', 'PC2']);
      for (const bare of ['f', 'x', 'y']) expect(texts).not.toContain(bare);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens within a phone’s screen', async () => {
    const { page, context } = await openPage(lab.browser, {
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(lab.server.url);
      await page.waitForSelector('.app[data-state="ready"]');
      await page.click('.export-menu summary');
      const box = (await page.locator('.export-menu ul').boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await expect
        .poll(() => page.getByRole('button', { name: 'Figure (SVG)' }).isVisible())
        .toBe(true);
    } finally {
      await context.close();
    }
  });
});
