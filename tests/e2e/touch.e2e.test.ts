import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import type { Box, Vec2 } from '../../src/engine/types.ts';
import { makeFrame, plotHeight, type Frame } from '../../src/render/frame.ts';
import { labSession, pagePerTest } from './browser.ts';

const lab = labSession();
let page: Page;
let cdp: CDPSession;

// A phone: 390 CSS px wide, touch only.
pagePerTest(
  lab,
  {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    reducedMotion: 'reduce',
  },
  async (o) => {
    page = o.page;
    cdp = await o.context.newCDPSession(page);
    await page.goto(lab.server.url);
    await page.waitForSelector('.app[data-state="ready"]');
    await page.locator('canvas.plot').scrollIntoViewIfNeeded();
  },
);

interface Shown {
  view: Box;
  start: Vec2;
}
const shown = (page: Page) =>
  page.evaluate(() => window.descentLab!.preset()) as unknown as Promise<Shown>;

/** The landscape's frame as the page draws it, and the canvas's place in the viewport. */
async function landscape(): Promise<{ frame: Frame; left: number; top: number }> {
  const { view } = await shown(page);
  const box = (await page.locator('canvas.plot').boundingBox())!;
  const frame = makeFrame(
    box.width,
    plotHeight(box.width, view),
    view,
    null as never,
    null as never,
  );
  return { frame, left: box.x, top: box.y };
}

type Touch = { x: number; y: number; id: number };

/** Fingers down at `from`, moved in `steps` even steps to `to`, then lifted, via CDP touch input. */
async function gesture(from: Touch[], to: Touch[], steps = 8): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: from });
  for (let s = 1; s <= steps; s++) {
    const points = from.map((p, i) => ({
      id: p.id,
      x: p.x + ((to[i]!.x - p.x) * s) / steps,
      y: p.y + ((to[i]!.y - p.y) * s) / steps,
    }));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

describe('touch on a 390-px phone', () => {
  it('a finger on the start point drags it, and does not pan the view', async () => {
    const before = await shown(page);
    const { frame, left, top } = await landscape();
    const sx = frame.scale.x(before.start[0]);
    const sy = frame.scale.y(before.start[1]);
    const finger = { x: left + sx, y: top + sy, id: 0 };
    await gesture([finger], [{ ...finger, x: finger.x + 50, y: finger.y + 40 }]);
    await expect.poll(async () => (await shown(page)).start[0]).not.toBe(before.start[0]);
    const after = await shown(page);
    expect(after.start[0]).toBeCloseTo(frame.scale.invertX(sx + 50), 1);
    expect(after.start[1]).toBeCloseTo(frame.scale.invertY(sy + 40), 1);
    expect(after.view).toEqual(before.view);
  });

  it('a finger elsewhere pans the view and leaves the start alone', async () => {
    const before = await shown(page);
    const { frame, left, top } = await landscape();
    const { plot } = frame;
    // Far from the start (upper left on Rosenbrock): the lower right of the plot.
    const finger = {
      x: left + plot.left + plot.width * 0.8,
      y: top + plot.top + plot.height * 0.8,
      id: 0,
    };
    await gesture([finger], [{ ...finger, x: finger.x - 60 }]);
    await expect.poll(async () => (await shown(page)).view.x[0]).toBeGreaterThan(before.view.x[0]);
    expect((await shown(page)).start).toEqual(before.start);
  });

  it('two fingers pinching apart zoom in about their midpoint', async () => {
    const before = await shown(page);
    const { frame, left, top } = await landscape();
    const { plot } = frame;
    const cx = left + plot.left + plot.width * 0.6;
    const cy = top + plot.top + plot.height * 0.6;
    const centre = [frame.scale.invertX(cx - left), frame.scale.invertY(cy - top)];
    await gesture(
      [
        { x: cx - 30, y: cy, id: 0 },
        { x: cx + 30, y: cy, id: 1 },
      ],
      [
        { x: cx - 90, y: cy, id: 0 },
        { x: cx + 90, y: cy, id: 1 },
      ],
    );
    await expect
      .poll(async () => {
        const { view } = await shown(page);
        return (before.view.x[1] - before.view.x[0]) / (view.x[1] - view.x[0]);
      })
      .toBeGreaterThan(2.5);
    const { view } = await shown(page);
    // Fingers 60 px apart, then 180: three times closer, about the point between them.
    const zoom = (before.view.x[1] - before.view.x[0]) / (view.x[1] - view.x[0]);
    expect(zoom).toBeCloseTo(3, 0);
    const kx = (view.x[1] - view.x[0]) / (before.view.x[1] - before.view.x[0]);
    expect(view.x[0]).toBeCloseTo(centre[0]! - (centre[0]! - before.view.x[0]) * kx, 2);
    expect(view.y[0]).toBeCloseTo(centre[1]! - (centre[1]! - before.view.y[0]) * kx, 2);
    // Pinching never moved the start.
    expect((await shown(page)).start).toEqual(before.start);
  });

  it('folds the less-used hyperparameters of a card under "More settings"', async () => {
    const adam = page.getByRole('group', { name: /^Adam \(/ });
    const eps = adam.getByRole('textbox', { name: 'ε (eps) (value)' });
    const more = adam.getByRole('button', { name: /^More settings/ });
    await expect.poll(() => eps.isVisible()).toBe(false);
    await expect
      .poll(() => adam.getByRole('textbox', { name: 'β₂ (value)' }).isVisible())
      .toBe(true);
    await more.tap();
    await expect.poll(() => eps.isVisible()).toBe(true);
    expect(
      await adam.getByRole('button', { name: /^Fewer settings/ }).getAttribute('aria-expanded'),
    ).toBe('true');
    // A wide screen shows every setting and no fold.
    await page.setViewportSize({ width: 1280, height: 900 });
    const sgd = page.getByRole('group', { name: /^SGD \(/ });
    await expect
      .poll(() => sgd.getByRole('textbox', { name: 'Dampening (value)' }).isVisible())
      .toBe(true);
    await expect.poll(() => sgd.getByRole('button', { name: /settings/ }).isVisible()).toBe(false);
  });

  it('the page itself does not scroll sideways or zoom under a pinch on the plot', async () => {
    const { frame, left, top } = await landscape();
    const cx = left + frame.plot.left + frame.plot.width / 2;
    const cy = top + frame.plot.top + frame.plot.height / 2;
    await gesture(
      [
        { x: cx - 20, y: cy, id: 0 },
        { x: cx + 20, y: cy, id: 1 },
      ],
      [
        { x: cx - 80, y: cy, id: 0 },
        { x: cx + 80, y: cy, id: 1 },
      ],
    );
    const viewport = await page.evaluate(() => ({
      scale: window.visualViewport?.scale ?? 1,
      scrollX: window.scrollX,
    }));
    expect(viewport).toEqual({ scale: 1, scrollX: 0 });
  });
});
