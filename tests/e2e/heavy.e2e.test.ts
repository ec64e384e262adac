import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { MAX_SEGMENTS } from '../../src/engine/field.ts';
import { labSession, openPage } from './browser.ts';
import { heavyScene } from './heavyScene.ts';

const lab = labSession();

describe('a scene at every limit', () => {
  it('draws 20 × 100,000 steps over an unresolvable view with its iso-lines thinned to a bound', async () => {
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(
      `${lab.server.url}#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(heavyScene))}`,
    );
    await page.waitForSelector('.app[data-state="ready"]', { timeout: 60_000 });
    const fields = await page.evaluate(() =>
      performance
        .getEntriesByName('descent-lab:field')
        .map((e) => (e as PerformanceMark).detail as { segments: number; lineEvery: number }),
    );
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      // What the page builds and strokes on the main thread is bounded whatever f and the view are.
      expect(field.segments).toBeGreaterThan(0);
      expect(field.segments).toBeLessThanOrEqual(MAX_SEGMENTS);
      expect(field.lineEvery).toBeGreaterThan(1);
    }
    expect(await page.locator('.legend-item').count()).toBe(20);
    expect(errors).toEqual([]);
    await context.close();
  });
});
