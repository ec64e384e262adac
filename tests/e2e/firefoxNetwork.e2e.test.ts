import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labSession } from './browser.ts';
import { launchFirefox } from './firefox.ts';
import { exportedText, linkTo } from './sameNumbers.ts';
import {
  cellValues,
  cliLineText,
  spiralHash,
  spiralPreset,
  spiralScene,
  trainedSpiral,
} from './spiral.ts';

/** The status line once the spiral's runs are trained. */
const TRAINED = new RegExp(
  `^Network \\[2, 8, 8, 1\\] tanh on Spiral · ${spiralScene.optimizers.length} optimizers · 500 steps · computed in`,
);

/**
 * "The same numbers in every browser", for a network scene's views in Firefox ESR (SpiderMonkey,
 * over WebDriver BiDi): the line between two runs' ends, each run's end and sharpness, and a
 * random plane, on the gallery's spiral — the command line's and the engine's numbers, bit for bit.
 */
describe('the spiral’s network views in Firefox', () => {
  const lab = labSession(launchFirefox);
  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    page = await lab.browser.newPage();
    errors = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
    page.on('pageerror', (e) => void errors.push(`page: ${String(e)}`));
  });
  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  /**
   * An attribute's or (with no name) the text of the first element `selector` matches, or null.
   * Polled from here: Puppeteer's waitForFunction builds a Function in the page, which the app's
   * Content Security Policy refuses.
   */
  const read = (selector: string, name?: string) =>
    page.evaluate(
      (s, n) => {
        const element = document.querySelector(s);
        return (n ? element?.getAttribute(n) : element?.textContent) ?? null;
      },
      selector,
      name,
    );

  /** Opens a link and waits until its runs are trained. */
  async function openTrained(hash: string) {
    await page.goto(`${lab.server.url}${hash}`);
    await expect.poll(() => read('p.status'), { timeout: 60_000 }).toMatch(TRAINED);
  }

  /** Opens a view of the view switch by its name. */
  const openView = (name: string) => page.click(`.view-switch button::-p-text(${name})`);

  it('Between two ends: Line as JSON is descent-lab slice --plane line’s text', async () => {
    await openTrained(spiralHash);
    await openView('Between two ends');
    // The first two runs by default: SGD's end to Adam's, over a barrier.
    const saved = (await page.evaluate(exportedText('Line as JSON'))) as string | null;
    expect(saved, 'the page never showed its line').not.toBeNull();
    expect(saved).toBe(await cliLineText(0, 1));
    expect(await page.$eval('p.line-sentence', (p) => p.textContent)).toMatch(
      /The training loss has a barrier of /,
    );
    // The pair the reader picks: Adam's end to Adam → SGD's.
    await page.select('select[aria-label="Line from"]', '1');
    await page.select('select[aria-label="Line to"]', '2');
    expect(await page.evaluate(exportedText('Line as JSON'))).toBe(await cliLineText(1, 2));
  });

  it('Layers: each run’s final losses and sharpness are the engine’s', async () => {
    const { ends } = trainedSpiral();
    await openTrained(spiralHash);
    await openView('Layers');
    await page.waitForSelector('.flatness-table tbody tr');
    expect(await page.$$eval('.flatness-table tbody tr', cellValues)).toEqual(
      ends.map((e) => [String(e.train), String(e.test), String(e.sharp)]),
    );
  });

  it('the trainer worker loads under its policy and trains the spiral’s runs as the engine does', async () => {
    const { runs } = trainedSpiral();
    await openTrained(spiralHash);
    const script = readdirSync(fileURLToPath(new URL('../../dist/assets', import.meta.url))).find(
      (f) => /^networkTrainer\.worker-[\w-]+\.js$/.test(f),
    );
    // A trainer of the test's own, from the page: the script as the page loads it, given a port
    // as the page gives one, asked for the runs the network worker hands it of three (the last two).
    const trained = await page.evaluate(
      (url, scene) => {
        const worker = new Worker(url, { type: 'module' });
        const { port1, port2 } = new MessageChannel();
        worker.postMessage({ type: 'port', port: port2 }, [port2]);
        const got: { index: number; loss: number[]; testLoss: number[] }[] = [];
        return new Promise<typeof got | string>((resolve) => {
          worker.onerror = (e) => resolve(`the trainer failed: ${e.message}`);
          port1.onmessage = ({ data: { index, run } }) => {
            const { loss, testLoss } = run as Record<string, Float64Array>;
            got.push({ index, loss: [...loss!], testLoss: [...testLoss!] });
            if (got.length < 2) return;
            worker.terminate();
            resolve(got);
          };
          port1.postMessage({ type: 'train', requestId: 1, scene, runs: [1, 2] });
        });
      },
      `assets/${script}`,
      spiralScene,
    );
    expect(trained).toEqual(
      [1, 2].map((index) => ({
        index,
        loss: [...runs[index]!.loss],
        testLoss: [...runs[index]!.testLoss!],
      })),
    );
  });

  it('a link to the random plane through Adam’s end opens on that plane', async () => {
    const network = spiralPreset['network'] as Record<string, unknown>;
    const slice = { plane: 'random', run: 1 };
    await openTrained(linkTo({ ...spiralPreset, network: { ...network, slice } }));
    await expect
      .poll(() => read('canvas.plot', 'data-axes'), { timeout: 60_000 })
      .toBe('random direction 1 | random direction 2');
    expect(await page.$eval('#landscape-help', (p) => p.textContent)).toMatch(
      /through Adam’s last point along two filter-normalised random directions/,
    );
    expect(await page.evaluate(() => window.descentLab!.preset())).toMatchObject({
      network: { slice },
    });
  });
});
