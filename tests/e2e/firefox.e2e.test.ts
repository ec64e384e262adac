import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startPreview, type Preview } from './browser.ts';
import { launchFirefox } from './firefox.ts';
import {
  cliJson,
  cliSweepCsv,
  EXPORTED_CELLS,
  EXPORTED_JSON,
  firstDifference,
  linkTo,
  scenes,
  sweepScenes,
} from './sameNumbers.ts';

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

  // A sweep's cells come from the sweep workers' loops, not the run workers': the same bits too.
  it.each(sweepScenes)('sweep cells: $name', async ({ preset }) => {
    const hash = linkTo(preset);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}${hash}`);
      await page.waitForSelector('.sweep-panel');
      const exported = (await page.evaluate(EXPORTED_CELLS)) as string | null;
      expect(exported, 'the page never finished its sweep').not.toBeNull();
      const cli = await cliSweepCsv(hash);
      const lines = [exported!.split('\n'), cli.split('\n')] as const;
      const row = lines[0].findIndex((line, i) => line !== lines[1][i]);
      expect(row < 0 ? null : [lines[0][row], lines[1][row]], 'first differing row').toBeNull();
      expect(exported).toBe(cli);
    } finally {
      await page.close();
    }
  });
});
