import AxeBuilder from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './findBrowser.ts';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The system Chromium: $CHROMIUM_PATH, else the usual Debian and Chrome paths. Never skips. */
export const findChromium = () =>
  findBrowser({
    name: 'Chromium',
    env: 'CHROMIUM_PATH',
    candidates: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ],
    debianPackage: 'chromium',
  });

/** Launches headless Chromium with a fresh profile and no background chatter. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-sync',
      '--disable-background-networking',
    ],
  });
}

/** A running `vite preview` of dist/ on a free port, in this process (no lingering child). */
export interface Preview {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the built app (dist/, or another build's folder `outDir`, as a benchmark compares two);
 * throws if there is no build.
 */
export async function startPreview(outDir = 'dist'): Promise<Preview> {
  if (!existsSync(resolve(root, outDir, 'index.html'))) {
    throw new Error(`${outDir}/index.html is missing: run \`npm run build\` before the e2e tests`);
  }
  const server: PreviewServer = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error('vite preview did not report a TCP port');
  }
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** A page in a fresh context that records console errors and uncaught page errors. */
export interface OpenPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
}

/** Opens a page in a new context (axe needs one) with error recording. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<OpenPage> {
  const context = await browser.newContext(options);
  // tsx/esbuild's keepNames wraps named inner functions in __name(), which pages lack.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return { context, page, errors };
}

/**
 * A fresh page of `options` for each test of a file: opened before it (and handed to `use`, which
 * may load the lab), checked after it for errors it logged, and closed.
 */
export function pagePerTest(
  lab: Lab,
  options: BrowserContextOptions,
  use: (open: OpenPage) => void | Promise<void>,
): void {
  let open: OpenPage | null = null;
  beforeEach(async () => {
    open = await openPage(lab.browser, options);
    await use(open);
  });
  afterEach(async () => {
    const errors = open?.errors ?? [];
    await open?.context.close();
    open = null;
    expect(errors).toEqual([]);
  });
}

/** The preview server and browser (Chromium unless named) one test file shares; valid inside its tests. */
export interface Lab<B = Browser> {
  readonly server: Preview;
  readonly browser: B;
}

/**
 * Starts the preview server and a browser — Chromium, or the one `launch` starts (Firefox, over
 * Puppeteer) — before a file's tests and stops both after them.
 */
export function labSession(): Lab;
export function labSession<B extends { close(): Promise<void> }>(launch: () => Promise<B>): Lab<B>;
export function labSession(
  launch: () => Promise<{ close(): Promise<void> }> = launchBrowser,
): Lab<{ close(): Promise<void> }> {
  const lab = {} as { server: Preview; browser: { close(): Promise<void> } };
  beforeAll(async () => {
    lab.server = await startPreview();
    lab.browser = await launch();
  });
  afterAll(async () => {
    await lab.browser?.close();
    await lab.server?.close();
  });
  return lab;
}

/**
 * Waits until the landscape's last frame drew every path at full quality: paths that just
 * changed are drawn in draft until they settle (200 ms), and a view or cursor that just moved too.
 */
export async function pathsSettled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
  await page.waitForFunction(
    () =>
      (performance.getEntriesByName('descent-lab:draw').at(-1) as PerformanceMark | undefined)
        ?.detail?.settled === true,
  );
}

/**
 * Waits for a frame that drew no path in draft. pathsSettled alone is not enough: a frame that
 * drew a run while it was still computing is settled (no timer waits) yet drafted, until the run's
 * last chunk brings the next frame.
 */
export async function fullQuality(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (performance.getEntriesByName('descent-lab:draw').at(-1) as PerformanceMark | undefined)
        ?.detail?.drafted === false,
  );
}

/** A cheap fingerprint of the landscape's pixels. */
export const pixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.plot')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0;
    for (let i = 0; i < data.length; i += 7) h = (Math.imul(h, 31) + data[i]!) | 0;
    return h;
  });

/** The page's WCAG 2.1 AA violations as found by axe-core, one line each ("id: help (nodes)"). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
