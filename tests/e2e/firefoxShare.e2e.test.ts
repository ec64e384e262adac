import { describe, expect, it } from 'vitest';
import { labSession } from './browser.ts';
import { coursePage, embeddedHash } from './coursePage.ts';
import { launchFirefox } from './firefox.ts';

const framing = coursePage();
const hash = embeddedHash;

/** The embed and the slide figure in Firefox ESR (SpiderMonkey and Gecko's SVG rasteriser). */
describe('sharing in Firefox', () => {
  const lab = labSession(launchFirefox);

  it('frames an embed from a page on another origin, which it tells its height', async () => {
    const page = await lab.browser.newPage();
    try {
      await page.goto(framing(`${lab.server.url}embed.html#${hash}&controls=playback,lr`));
      await page.waitForFunction(() => document.getElementById('heights')!.textContent !== '', {
        timeout: 30_000,
      });
      const frame = page.frames().find((f) => f.url().startsWith(`${lab.server.url}embed.html`))!;
      await frame.waitForSelector('.app[data-state="ready"]', { timeout: 30_000 });
      expect(await frame.$eval('p.status', (p) => p.textContent)).toMatch(
        /^Rosenbrock · 2 optimizers · 300 steps · computed in/,
      );
      const height = await page.$eval('#lab', (f) => Number(f.getAttribute('height')));
      expect(height).toBeGreaterThan(400);
    } finally {
      await page.close();
    }
  });

  it('rasterises the slide figure: 2560 × 1440, white around, the landscape inside', async () => {
    const page = await lab.browser.newPage();
    try {
      await page.goto(`${lab.server.url}#${hash}`);
      await page.waitForSelector('.app[data-state="ready"]', { timeout: 30_000 });
      await page.click('.export-menu summary');
      const png = await page.evaluate(async () => {
        // The PNG the page saves: caught where it becomes a download's object URL.
        const made: Blob[] = [];
        const original = URL.createObjectURL;
        URL.createObjectURL = (b: Blob | MediaSource) => {
          if (b instanceof Blob && b.type === 'image/png') made.push(b);
          return original(b);
        };
        const buttons = [...document.querySelectorAll('button')];
        buttons.find((b) => b.textContent === 'Figure (PNG)')!.click();
        for (let i = 0; i < 100 && made.length === 0; i++) {
          await new Promise((r) => setTimeout(r, 100));
        }
        URL.createObjectURL = original;
        if (made.length === 0) return null;
        const bitmap = await createImageBitmap(made[0]!);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const at = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data];
        return { size: [bitmap.width, bitmap.height], corner: at(2, 2), plot: at(600, 700) };
      });
      expect(png, 'no PNG was saved').not.toBeNull();
      expect(png!.size).toEqual([2560, 1440]);
      expect(png!.corner).toEqual([255, 255, 255, 255]);
      expect(png!.plot[3]).toBe(255);
      expect(png!.plot.slice(0, 3)).not.toEqual([255, 255, 255]);
    } finally {
      await page.close();
    }
  });
});
