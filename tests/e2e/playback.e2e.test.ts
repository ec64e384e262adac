import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { labSession, pagePerTest } from './browser.ts';
import { linkTo } from './sameNumbers.ts';

/**
 * The first race: a page opened with motion allowed plays its scene from step 0 to the end
 * (usePlaybackClock), starting once the scene's first runs are on the page.
 */

const lab = labSession();
let page: Page;

pagePerTest(lab, { viewport: { width: 1280, height: 900 } }, async (o) => {
  page = o.page;
  // Every step the playback cursor shows, with its time.
  await o.context.addInitScript({
    content: `
      window.cursor = [];
      new MutationObserver(() => {
        const m = /step (\\d+)/.exec(document.querySelector('.playback-step')?.textContent ?? '');
        if (m && Number(m[1]) !== window.cursor.at(-1)?.[1])
          window.cursor.push([performance.now(), Number(m[1])]);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    `,
  });
});

/** The cursor's steps with their times, once it has reached `steps`. */
async function playedTo(steps: number): Promise<[number, number][]> {
  const cursor = () =>
    page.evaluate(() => (window as unknown as { cursor: [number, number][] }).cursor);
  await expect.poll(async () => (await cursor()).at(-1)?.[1], { timeout: 60_000 }).toBe(steps);
  const seen = await cursor();
  expect(seen[0]![1]).toBe(0);
  // It played through the steps, not straight to the end.
  expect(seen.filter(([, step]) => step > 0 && step < steps).length).toBeGreaterThan(10);
  return seen;
}

describe('the first race', () => {
  it('plays a function’s scene from step 0 to the end', async () => {
    const preset = { v: 1, fn: { id: 'rosenbrock' }, steps: 300, optimizers: [{ type: 'adam' }] };
    await page.goto(`${lab.server.url}${linkTo(preset)}`);
    await playedTo(300);
  });

  it('of a network scene waits for its runs: no playing over empty views while it trains', async () => {
    const preset = {
      v: 1,
      fn: { id: 'rosenbrock' },
      steps: 300,
      network: { data: 'circle', hidden: [8, 8] },
      optimizers: [
        { type: 'sgd', lr: 0.3 },
        { type: 'adam', lr: 0.03 },
      ],
    };
    await page.goto(`${lab.server.url}${linkTo(preset)}`);
    const cursor = await playedTo(300);
    const runsAt = await page.evaluate(
      () => performance.getEntriesByName('descent-lab:network-runs')[0]!.startTime,
    );
    const moved = cursor.find(([, step]) => step > 0)!;
    expect(moved[0]).toBeGreaterThan(runsAt);
  });
});
