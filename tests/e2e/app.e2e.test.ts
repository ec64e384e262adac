import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import {
  axeViolations,
  fullQuality,
  labSession,
  openPage,
  pathsSettled,
  type OpenPage,
} from './browser.ts';

const SHOTS = 'test-results';

const lab = labSession();

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Waits until the app has drawn (or failed), then says which. */
async function settle(page: Page): Promise<string | null> {
  await page.waitForSelector('.app[data-state="ready"], .app[data-state="error"]', {
    timeout: 30_000,
  });
  return page.getAttribute('.app', 'data-state');
}

interface CanvasStats {
  /** Pixels within a small distance of each optimizer's colour, in legend order. */
  readonly near: number[];
  /**
   * Colours of flat areas: pixels equal to their four neighbours (so not anti-aliasing or
   * lines), counted when a colour covers at least 0.1 % of the canvas.
   */
  readonly fillColours: number;
  readonly pixelWidth: number;
  readonly cssWidth: number;
}

/** Reads the plot's pixels back, once its paths are at full quality, and counts what it shows. */
async function canvasStats(page: Page, colours: string[]): Promise<CanvasStats> {
  await pathsSettled(page);
  await fullQuality(page);
  return page.evaluate((hexes) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.plot');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) throw new Error('no plot canvas');
    const { width, height } = canvas;
    const rgba = new Uint32Array(ctx.getImageData(0, 0, width, height).data.buffer);
    const targets = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const near = targets.map(() => 0);
    const flat = new Map<number, number>();
    for (let j = 0; j < height; j++) {
      for (let i = 0; i < width; i++) {
        const p = i + j * width;
        const c = rgba[p]!;
        if (c >>> 24 !== 255) continue;
        const r = c & 255;
        const g = (c >>> 8) & 255;
        const b = (c >>> 16) & 255;
        targets.forEach(([tr, tg, tb], k) => {
          if (Math.abs(r - tr!) + Math.abs(g - tg!) + Math.abs(b - tb!) <= 24) near[k]! += 1;
        });
        const inside = i > 0 && j > 0 && i < width - 1 && j < height - 1;
        if (
          inside &&
          rgba[p - 1] === c &&
          rgba[p + 1] === c &&
          rgba[p - width] === c &&
          rgba[p + width] === c
        ) {
          flat.set(c, (flat.get(c) ?? 0) + 1);
        }
      }
    }
    const minArea = (width * height) / 1000;
    const fillColours = [...flat.values()].filter((count) => count >= minArea).length;
    return { near, fillColours, pixelWidth: width, cssWidth: canvas.clientWidth };
  }, colours);
}

describe('the default scene on a wide screen', () => {
  let open: OpenPage;

  beforeAll(async () => {
    // Reduced motion shows the final paths at once instead of racing them.
    open = await openPage(lab.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await open.page.goto(lab.server.url);
  });

  afterAll(async () => {
    await open?.context.close();
  });

  it('draws with no console or page errors', async () => {
    const { page, errors } = open;
    const state = await settle(page);
    const status = await page.textContent('p.status');
    expect(state, `status line: ${status}`).toBe('ready');
    expect(status).toMatch(/^Rosenbrock · 3 optimizers · 500 steps · computed in [\d.]+ ms$/);
    await page.screenshot({ path: `${SHOTS}/wide.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lists SGD, Momentum and Adam with finite final losses', async () => {
    const items = await open.page.$$eval('.legend-item', (els) =>
      els.map((el) => ({
        label: el.querySelector('.legend-label')?.textContent,
        loss: Number(el.getAttribute('data-loss') ?? NaN),
        text: el.querySelector('.legend-result')?.textContent,
      })),
    );
    expect(items.map((i) => i.label)).toEqual(['SGD', 'Momentum', 'Adam']);
    for (const item of items) {
      expect(Number.isFinite(item.loss), `${item.label}: ${item.text}`).toBe(true);
      expect(item.text).toMatch(/^final loss [\d.]/);
    }
  });

  it('shows filled contours and one path per optimizer on the canvas', async () => {
    const { page } = open;
    const colours = await page.$$eval('.legend-item', (els) =>
      els.map((el) => el.getAttribute('data-color') ?? ''),
    );
    expect(colours).toHaveLength(3);
    const stats = await canvasStats(page, colours);
    // Each end marker alone gives ≈ 40 pixels of its colour; each path adds 200 or more.
    stats.near.forEach((count, k) => expect(count, `pixels of ${colours[k]}`).toBeGreaterThan(120));
    expect(stats.fillColours, 'distinct fill colours').toBeGreaterThanOrEqual(12);
  });

  it('keys the fill colours with a colour scale from the lowest f to the highest', async () => {
    const scale = open.page.getByRole('img', { name: /^Colour scale: f from / });
    expect(await scale.isVisible()).toBe(true);
    expect(await scale.getAttribute('aria-label')).toMatch(
      /24 contour levels spaced logarithmically/,
    );
    const ticks = await scale.locator('.colour-scale-ticks span').allTextContents();
    expect(ticks).toHaveLength(5);
    // Rosenbrock over the default view: from about 0 to a few thousand.
    expect(ticks.at(-1)).toMatch(/^\d{4}$/);
  });

  it('describes the plot for screen readers', async () => {
    const label = await open.page.getAttribute('canvas.plot', 'aria-label');
    expect(label).toMatch(/Rosenbrock/);
    expect(label).toMatch(/SGD, Momentum and Adam/);
  });

  it('has no WCAG 2.1 AA violations', async () => {
    expect(await axeViolations(open.page)).toEqual([]);
  });
});

describe('the default scene on a phone', () => {
  it('fits 390 px without horizontal scroll and draws crisply at 2× pixel ratio', async () => {
    const { context, page, errors } = await openPage(lab.browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    try {
      await page.goto(lab.server.url);
      expect(await settle(page)).toBe('ready');
      // Compared with 390, not clientWidth: a mobile viewport widens itself to fit overflow.
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(390);
      const stats = await canvasStats(page, []);
      expect(stats.pixelWidth).toBe(Math.round(stats.cssWidth * 2));
      await page.screenshot({ path: `${SHOTS}/phone.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a worker that fails to load', () => {
  it('shows a readable error instead of hanging', async () => {
    const { context, page } = await openPage(lab.browser, {
      viewport: { width: 800, height: 600 },
    });
    try {
      await page.route('**/trajectory.worker-*.js', (route) =>
        route.fulfill({ status: 500, body: 'broken' }),
      );
      await page.goto(lab.server.url);
      // The default scene is small enough to compute on the page; a larger one needs the worker.
      expect(await settle(page)).toBe('ready');
      await page.evaluate(() =>
        window.descentLab!.load({
          v: 1,
          fn: { id: 'rosenbrock' },
          steps: 20_000,
          optimizers: [{ type: 'sgd', lr: 1e-4 }],
        }),
      );
      await page.waitForSelector('.app[data-state="error"]');
      expect(await page.textContent('p.status')).toMatch(/^Error: The computation keeps failing/);
      // The page keeps working: a scene small enough for the page draws again.
      await page.evaluate(() =>
        window.descentLab!.load({
          v: 1,
          fn: { id: 'booth' },
          steps: 100,
          optimizers: [{ type: 'adam' }],
        }),
      );
      await page.waitForSelector('.app[data-state="ready"]');
      expect(await page.textContent('p.status')).toMatch(/^Booth/);
    } finally {
      await context.close();
    }
  });
});

describe('the default scene in dark mode', () => {
  it('keeps its contrast (axe) and draws with no errors', async () => {
    const { context, page, errors } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 800 },
      colorScheme: 'dark',
    });
    try {
      await page.goto(lab.server.url);
      expect(await settle(page)).toBe('ready');
      await page.screenshot({ path: `${SHOTS}/dark.png`, fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
