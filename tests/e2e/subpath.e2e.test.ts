import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import lz from 'lz-string';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, parseHeaders, type HeaderRule } from '../../hosting.config.ts';
import { launchBrowser, openPage } from './browser.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const PREFIX = '/lab/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * dist/ served under /lab/ as a static host would serve it, with the headers dist/_headers asks
 * for (its paths taken relative to the folder) and nothing outside /lab/. Every request is logged.
 */
function serveUnderLab(host: { rules: readonly HeaderRule[] }, requests: string[]): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    requests.push(path);
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const local = path.slice(PREFIX.length - 1);
    const file = normalize(join(dist, local.endsWith('/') ? `${local}index.html` : local));
    if (!file.startsWith(dist) || !existsSync(file) || file.endsWith('_headers')) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      ...headersFor(host.rules, local),
    });
    res.end(readFileSync(file));
  });
}

const linkTo = (preset: unknown) =>
  `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(preset))}`;

/** A typed function: compiled by the mathjs worker, run by the three workers that need 'unsafe-eval'. */
const typed = {
  v: 1,
  fn: { id: 'custom', expr: 'sin(x) * cos(y) + 0.1 * (x^2 + y^2)' },
  steps: 300,
  optimizers: [
    { type: 'sgd', lr: 0.05, momentum: 0.9 },
    { type: 'adam', lr: 0.05 },
  ],
};

/** Waits for contours and every path drawn, and returns the legend's results. */
async function drawn(page: Page): Promise<string[]> {
  const app = await page.waitForSelector('.app[data-state="ready"], .app[data-state="error"]', {
    timeout: 30_000,
  });
  expect(await app.getAttribute('data-state'), (await page.textContent('p.status')) ?? '').toBe(
    'ready',
  );
  const contours = await page.evaluate(
    () =>
      performance
        .getEntriesByName('descent-lab:draw')
        .filter((e) => ((e as PerformanceMark).detail as { field: boolean }).field).length,
  );
  expect(contours).toBeGreaterThan(0);
  return page.locator('.legend-item .legend-result').allTextContents();
}

describe('the built site from a sub-path, with the headers of dist/_headers', () => {
  const requests: string[] = [];
  const host: { rules: readonly HeaderRule[] } = { rules: [] };
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const headers = join(dist, '_headers');
    if (!existsSync(headers))
      throw new Error('dist/_headers is missing: run `npm run build` first');
    host.rules = parseHeaders(readFileSync(headers, 'utf8'));
    server = serveUnderLab(host, requests);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP port');
    url = `http://127.0.0.1:${address.port}${PREFIX}`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('draws, compiles a typed function from a link, typesets, autosaves, all under /lab/ and its CSP', async () => {
    const { page, context, errors } = await openPage(browser, {
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
    });
    await context.addInitScript({
      content: `addEventListener('securitypolicyviolation', (e) =>
        console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));`,
    });
    const page404: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) page404.push(r.url());
    });

    // The default scene: contours from the field worker, paths from the trajectory worker.
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    expect(await drawn(page)).toHaveLength(3);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    // A link to a typed function: mathjs compiles it in its worker; the workers run the source
    // with `new Function`, which only their own policy allows.
    await page.goto('about:blank');
    await page.goto(`${url}${linkTo(typed)}`);
    const results = await drawn(page);
    expect(results).toHaveLength(2);
    for (const result of results) expect(result).toMatch(/^final loss −?[\d.]/);
    expect(await page.textContent('p.status')).toMatch(/computed in/);

    // The inspector's update rule: the lazy KaTeX chunk and its fonts load from /lab/assets/.
    await page.locator('button.inspect-toggle[aria-label^="Inspect Adam"]').click();
    await page.locator('.update-rule .katex').first().waitFor();

    // Autosave: the typed scene comes back on a visit without a link.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('descent-lab:scene') ?? ''))
      .toContain('"custom"');
    await page.goto('about:blank');
    await page.goto(url);
    await drawn(page);
    const fn = await page.evaluate(() => window.descentLab!.preset().fn);
    expect(fn).toEqual(typed.fn);

    // The address bar (and so "Copy link") keeps the sub-path.
    await expect.poll(() => page.url().startsWith(`${url}#s=1.`)).toBe(true);

    expect(page404).toEqual([]);
    expect(requests.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
    expect(requests.some((p) => /\/lab\/assets\/compile\.worker-/.test(p))).toBe(true);
    expect(requests.some((p) => /\/lab\/assets\/katex-/.test(p))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works with no headers at all, as on GitHub Pages: nothing forbids the workers to compile', async () => {
    const shipped = host.rules;
    host.rules = [];
    try {
      const { page, context, errors } = await openPage(browser, {
        viewport: { width: 1280, height: 900 },
        reducedMotion: 'reduce',
      });
      const response = await page.goto(`${url}${linkTo(typed)}`);
      expect(response?.headers()['content-security-policy']).toBeUndefined();
      expect(await drawn(page)).toHaveLength(2);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      host.rules = shipped;
    }
  });
});
