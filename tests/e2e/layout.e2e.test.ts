import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, labSession, openPage, pixels, pathsSettled } from './browser.ts';

const lab = labSession();

/** The laptop screen the layout is designed for first. */
const LAPTOP = { width: 1366, height: 768 } as const;

/**
 * How far a reader may have to scroll to reach a section: less than one Page Down (Chromium
 * scrolls 87.5 % of the viewport, 672 px at 768), so every section is at most one key press or
 * one short flick away, never a hunt down a page of cards.
 */
const REACH = 600;

/** An element's box in the viewport, rounded to pixels. */
async function box(locator: Locator) {
  const b = (await locator.boundingBox())!;
  return {
    left: Math.round(b.x),
    top: Math.round(b.y),
    right: Math.round(b.x + b.width),
    bottom: Math.round(b.y + b.height),
    width: b.width,
    height: b.height,
  };
}

/** The element's top in page coordinates (independent of the current scroll). */
const pageTop = (locator: Locator) =>
  locator.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

/** Runs `journey` on the lab, ready, in a fresh context; then checks that nothing logged an error. */
async function onLab(
  options: Parameters<typeof openPage>[1],
  journey: (page: Page) => Promise<void>,
): Promise<void> {
  const open = await openPage(lab.browser, { reducedMotion: 'reduce', ...options });
  try {
    await open.page.goto(lab.server.url);
    await open.page.waitForSelector('.app[data-state="ready"]');
    await journey(open.page);
    expect(open.errors).toEqual([]);
  } finally {
    await open.context.close();
  }
}

/** The button of the switcher that opens `name`. */
const switcher = (page: Page, name: 'Inspect' | 'Sweeps') =>
  page.locator('.view-switch button', { hasText: name });

describe('on a 1366 × 768 laptop', () => {
  it('shows the landscape, large and square, and the loss chart together without scrolling', () =>
    onLab({ viewport: LAPTOP }, async (page) => {
      const view = { width: LAPTOP.width, height: LAPTOP.height };
      for (const selector of ['canvas.plot', '.loss-chart-canvas', '.playback']) {
        const b = await box(page.locator(selector));
        expect(b.left, selector).toBeGreaterThanOrEqual(0);
        expect(b.top, selector).toBeGreaterThanOrEqual(0);
        expect(b.right, selector).toBeLessThanOrEqual(view.width);
        expect(b.bottom, selector).toBeLessThanOrEqual(view.height);
      }
      const landscape = await box(page.locator('canvas.plot'));
      // The default view is square: so is the canvas (up to its axis margins), and it takes most
      // of the screen's height.
      expect(Math.abs(landscape.width - landscape.height)).toBeLessThan(30);
      expect(landscape.height).toBeGreaterThan(0.7 * view.height);
      // Side by side, not stacked: the chart is as wide as a phone's screen or wider.
      const chart = await box(page.locator('.loss-chart-canvas'));
      expect(chart.left).toBeGreaterThanOrEqual(landscape.right);
      expect(chart.width).toBeGreaterThanOrEqual(352);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }));

  it('reaches the inspector, the sweeps and every control within one short scroll', () =>
    onLab({ viewport: LAPTOP }, async (page) => {
      // The switcher is in the first screen; each view opens right under it, one at a time.
      for (const name of ['Inspect', 'Sweeps'] as const) {
        const button = switcher(page, name);
        expect((await box(button)).bottom).toBeLessThanOrEqual(LAPTOP.height);
        await button.click();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        const section = page.locator(`.view-${name.toLowerCase()}`);
        await section.waitFor({ state: 'visible' });
        expect(await pageTop(section)).toBeLessThanOrEqual(LAPTOP.height);
      }
      expect(await switcher(page, 'Inspect').getAttribute('aria-expanded')).toBe('false');
      // The sweeps' maps are about as tall as the column is wide: the chart lets go of the top.
      const position = () => page.locator('.results').evaluate((e) => getComputedStyle(e).position);
      expect(await position()).toBe('static');
      await switcher(page, 'Sweeps').click();
      expect(await page.locator('.view:not([hidden])').count()).toBe(0);
      expect(await position()).toBe('sticky');
      // With the views closed, the controls follow the switcher: each panel's top is at most
      // REACH below the first screen.
      for (const heading of ['Scene', 'Optimizers']) {
        const top = await pageTop(page.getByRole('heading', { name: heading, exact: true }));
        expect(top, heading).toBeLessThanOrEqual(LAPTOP.height + REACH);
      }
      expect(await pageTop(page.getByLabel('Add optimizer'))).toBeGreaterThan(0);
      expect(await pageTop(page.locator('.legend'))).toBeLessThanOrEqual(LAPTOP.height);
    }));

  it('keeps the landscape and the chart in sight, unobscured, beside a control deep in the page', () =>
    onLab({ viewport: LAPTOP }, async (page) => {
      const slider = page
        .getByRole('group', { name: /^Adam \(/ })
        .locator('input[type="range"][data-field="lr"]');
      const before = await pixels(page);
      await slider.focus();
      for (let i = 0; i < 5; i++) await slider.press('ArrowLeft');
      await pathsSettled(page);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const stuck = await box(page.locator('.results'));
      const field = await box(slider);
      // Focus scrolled the slider below the stuck playback and chart, not under them.
      expect(field.top).toBeGreaterThanOrEqual(stuck.bottom);
      expect(field.bottom).toBeLessThanOrEqual(LAPTOP.height);
      for (const selector of ['canvas.plot', '.loss-chart-canvas']) {
        const b = await box(page.locator(selector));
        expect(b.top, selector).toBeGreaterThanOrEqual(0);
        expect(b.bottom, selector).toBeLessThanOrEqual(LAPTOP.height);
      }
      expect(await pixels(page)).not.toBe(before);
    }));

  it('orders the keyboard: landscape, playback, views, results, gallery, scene, optimizers', () =>
    onLab({ viewport: LAPTOP }, async (page) => {
      const marks = [
        ['landscape', 'canvas.plot'],
        ['playback', '.playback-play'],
        ['views', '.view-switch button'],
        ['results', '.legend-pick'],
        ['gallery', '.gallery summary'],
        ['scene', '.ctl-panel:not(.ctl-cards *) > .ctl-grid select'],
        ['optimizers', '.ctl-cards button'],
      ] as const;
      const seen: string[] = [];
      for (let i = 0; i < 60 && seen.length < marks.length; i++) {
        await page.keyboard.press('Tab');
        const hit = await page.evaluate(
          (marks) => marks.find(([, s]) => document.activeElement?.matches(s))?.[0] ?? null,
          marks as unknown as [string, string][],
        );
        if (hit !== null && !seen.includes(hit)) seen.push(hit);
      }
      expect(seen).toEqual(marks.map(([name]) => name));
    }));

  it('opens the inspector when an optimizer is chosen, keeping its card in place', () =>
    onLab({ viewport: LAPTOP }, async (page) => {
      const toggle = page.getByRole('button', { name: /^Inspect Adam/ });
      await toggle.scrollIntoViewIfNeeded();
      const at = (await box(toggle)).top;
      await toggle.click();
      await page.locator('.step-bar').waitFor();
      expect(await switcher(page, 'Inspect').getAttribute('aria-expanded')).toBe('true');
      // The inspector opened above the card; the page scrolled with it, so the card did not jump.
      expect(Math.abs((await box(toggle)).top - at)).toBeLessThan(4);
      expect(await axeViolations(page)).toEqual([]);
    }));
});

describe('on a 390 px phone', () => {
  const phone = {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  } as const;

  it('never scrolls sideways, with every view open in turn, and the controls work', () =>
    onLab(phone, async (page) => {
      // Compared with 390 too: a mobile viewport widens itself to fit overflow.
      const fits = () =>
        page.evaluate(() => {
          const width = document.scrollingElement!.scrollWidth;
          return width <= window.innerWidth && width <= 390;
        });
      expect(await fits()).toBe(true);
      for (const name of ['Inspect', 'Sweeps'] as const) {
        await switcher(page, name).click();
        expect(await fits(), name).toBe(true);
      }
      await page.locator('.legend-pick', { hasText: 'Adam' }).click();
      await page.locator('.term-table').waitFor();
      expect(await fits()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      const before = await pixels(page);
      const slider = page
        .getByRole('group', { name: /^Momentum \(/ })
        .locator('input[type="range"][data-field="lr"]');
      await slider.scrollIntoViewIfNeeded();
      const b = await box(slider);
      await page.touchscreen.tap(b.left + b.width * 0.8, b.top + b.height / 2);
      await expect.poll(() => pixels(page)).not.toBe(before);
      expect(await fits()).toBe(true);
    }));

  it('has no WCAG 2.1 AA violations with the views closed', () =>
    onLab(phone, async (page) => {
      expect(await axeViolations(page)).toEqual([]);
    }));
});
