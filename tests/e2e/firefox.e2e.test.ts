import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startPreview, type Preview } from './browser.ts';
import { launchFirefox } from './firefox.ts';
import { cliJson, EXPORTED_JSON, firstDifference, linkTo, scenes } from './sameNumbers.ts';

/** A page of either driver, as far as this test needs one. */
interface AnyPage {
  goto(url: string): Promise<unknown>;
  waitForSelector(selector: string): Promise<unknown>;
  evaluate(source: string): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * "The same numbers in every browser": the trajectories a page exports for a link are the command
 * line's (Node) for the same link, character for character — shortest round-trip numbers, so bit
 * for bit — in Firefox (SpiderMonkey, over WebDriver BiDi) and in Chromium (V8).
 */
describe.each([
  { name: 'Firefox ESR', launch: launchFirefox },
  { name: 'Chromium', launch: launchBrowser },
])('$name computes the command line’s trajectories, bit for bit', ({ launch }) => {
  let server: Preview;
  let browser: { newPage(): Promise<AnyPage>; close(): Promise<void> };
  beforeAll(async () => {
    server = await startPreview();
    browser = (await launch()) as unknown as typeof browser;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(scenes)('$name', async ({ preset }) => {
    const hash = linkTo(preset);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}${hash}`);
      await page.waitForSelector('.export-menu');
      const exported = (await page.evaluate(EXPORTED_JSON)) as string | null;
      expect(exported, 'the page never finished its runs').not.toBeNull();
      const cli = await cliJson(hash);
      expect(firstDifference(exported!, cli)).toBeNull();
      expect(exported).toBe(cli);
    } finally {
      await page.close();
    }
  });
});
