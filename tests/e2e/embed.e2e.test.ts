import lz from 'lz-string';
import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../src/engine/expr/index.ts';
import { network } from '../../src/gallery/network.ts';
import { readLink } from '../../src/preset/index.ts';
import { refusedByCompilerOnly } from '../hostile.ts';
import { axeViolations, labSession, openPage } from './browser.ts';
import { coursePage, embeddedHash } from './coursePage.ts';

const lab = labSession();

const hash = embeddedHash;

const framing = coursePage();

describe('a scene embedded in a page on another origin', () => {
  it('shows the link’s scene with the named controls, sizes itself, and works from the keyboard', async () => {
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1000, height: 900 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(framing(`${lab.server.url}embed.html#${hash}&controls=playback,lr,wobble`));
      const frame = page.frameLocator('#lab');
      await frame.locator('.app[data-state="ready"]').waitFor({ timeout: 30_000 });
      expect(await frame.locator('p.status').textContent()).toMatch(
        /^Rosenbrock · 2 optimizers · 300 steps · computed in/,
      );
      // The named slider on each optimizer, and the unknown option named, not obeyed.
      expect(
        await frame
          .getByLabel('Learning rate (value)')
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
      ).toEqual(['0.02', '0.001']);
      expect(await frame.locator('.notice').textContent()).toMatch(
        /Unknown controls, ignored: wobble/,
      );
      // No other part of the lab: no cards, gallery or sweeps.
      expect(await frame.locator('.ctl-card, .gallery, .view-switch').count()).toBe(0);
      // The host sized the frame to the height the embed sent.
      await expect.poll(() => page.textContent('#heights')).toMatch(/\d+ $/);
      const sent = Number((await page.textContent('#heights'))!.trim().split(' ').at(-1));
      expect(sent).toBeGreaterThan(400);
      expect(await page.locator('#lab').getAttribute('height')).toBe(String(sent));
      // "Open in Descent Lab" carries the scene as it stands: a slider moved in the frame is in it.
      const rate = frame.getByLabel('Learning rate (value)').first();
      await rate.fill('0.01');
      await rate.press('Enter');
      const open = frame.getByRole('link', { name: /Open in Descent Lab/ });
      await expect.poll(() => open.getAttribute('target')).toBe('_blank');
      const href = (await open.getAttribute('href'))!;
      expect(href.startsWith('./#s=1.')).toBe(true);
      const carried = JSON.parse(
        lz.decompressFromEncodedURIComponent(href.slice('./#s=1.'.length))!,
      );
      expect(carried.optimizers[0]).toMatchObject({ type: 'adam', lr: 0.01 });
      // From the keyboard: Tab from the host page into the frame, to its link, then Play; Space plays.
      await page.locator('h1').click();
      const inFrame = () =>
        frame.locator(':root').evaluate(() => {
          const el = document.activeElement;
          return document.hasFocus() && el ? (el.textContent ?? '').trim() : '';
        });
      const path: string[] = [];
      for (let i = 0; i < 12 && !path.at(-1)?.endsWith('Play'); i++) {
        await page.keyboard.press('Tab');
        path.push(await inFrame());
      }
      // The frame's first stop is its link; Play comes after the notice, the plot and its zoom.
      expect(path[0]).toMatch(/^Open in Descent Lab/);
      expect(path.at(-1)).toMatch(/Play$/);
      // Home goes back to step 0; Space on Play plays, which with reduced motion jumps to the end.
      const step = frame.locator('.playback-step');
      await page.keyboard.press('Home');
      await expect.poll(() => step.textContent()).toBe('step 0 / 300');
      await page.keyboard.press('Space');
      await expect.poll(() => step.textContent()).toBe('step 300 / 300');
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('is the only page of the lab another origin may frame', async () => {
    const { page, context } = await openPage(lab.browser, {
      viewport: { width: 1000, height: 900 },
    });
    try {
      await page.goto(framing(`${lab.server.url}#${hash}`));
      // The full lab refuses (frame-ancestors 'none'): Chromium puts its error page in the frame.
      const frame = () => page.frames().find((f) => f !== page.mainFrame());
      await expect.poll(() => frame()?.url(), { timeout: 30_000 }).toMatch(/^chrome-error:/);
      expect(await frame()!.locator('.app').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('comes from the lab’s Embed menu as an iframe snippet that frames this scene', async () => {
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    try {
      await page.goto(`${lab.server.url}#${hash}`);
      await page.waitForSelector('.app[data-state="ready"]');
      await page.click('.embed-menu summary');
      await page.getByLabel('Controls in the frame').selectOption('rates');
      await page.getByRole('button', { name: 'Copy embed code' }).click();
      await expect.poll(() => page.textContent('.embed-menu [role="status"]')).toMatch(/copied/);
      const snippet = await page.evaluate(() => navigator.clipboard.readText());
      expect(snippet).toMatch(
        /^<iframe src="[^"]+" title="Descent Lab: Rosenbrock" width="760" height="620" loading="lazy"/,
      );
      const src = /src="([^"]+)"/.exec(snippet)![1]!.replace(/&#38;/g, '&');
      expect(src.startsWith(`${lab.server.url}embed.html#s=1.`)).toBe(true);
      expect(src.endsWith('&controls=playback,lr')).toBe(true);
      // The same scene as the lab's link, read as the lab reads links.
      expect(readLink(src)).toEqual(readLink(`#${hash}`));
      await page.goto(framing(src));
      const frame = page.frameLocator('#lab');
      await frame.locator('.app[data-state="ready"]').waitFor({ timeout: 30_000 });
      expect(await frame.getByLabel('Learning rate (value)').count()).toBe(2);
      expect(await frame.locator('.notice').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a typed function the compiler refuses as the command line does: Rosenbrock, and says why', async () => {
    const expr = refusedByCompilerOnly[0]!;
    const typed = { v: 1, fn: { id: 'custom', expr }, optimizers: [{ type: 'adam', lr: 0.05 }] };
    const link = `s=1.${lz.compressToEncodedURIComponent(JSON.stringify(typed))}`;
    const cli = readLink(link, { checkExpression });
    if (!cli.found) throw new Error('no scene');
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 1000, height: 900 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(framing(`${lab.server.url}embed.html#${link}&controls=none`));
      const frame = page.frameLocator('#lab');
      await frame.locator('.app[data-state="ready"]').waitFor({ timeout: 30_000 });
      await expect.poll(() => frame.locator('.notice').textContent()).toMatch(/used rosenbrock/);
      expect(await frame.locator('p.status').textContent()).toMatch(/^Rosenbrock · 1 optimizer/);
      expect(cli.scene.fn.id).toBe('rosenbrock');
      expect(await frame.getByRole('button', { name: /Play/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names a network scene by its network, and its colour key’s full labels do not overlap', async () => {
    // The gallery’s spiral: its losses crowd near their least, so the key writes them in full.
    const spiral = network.find((g) => g.id === 'network-spiral-optimizers')!.preset;
    const link = `s=1.${lz.compressToEncodedURIComponent(JSON.stringify(spiral))}`;
    const { page, context, errors } = await openPage(lab.browser, {
      viewport: { width: 900, height: 800 },
      reducedMotion: 'reduce',
    });
    try {
      await page.goto(framing(`${lab.server.url}embed.html#${link}&controls=playback`));
      const frame = page.frameLocator('#lab');
      await frame.locator('.app[data-state="ready"]').waitFor({ timeout: 30_000 });
      expect(await frame.locator('.embed-title').textContent()).toBe(
        'Network [2, 8, 8, 1] tanh on Spiral · SGD, Adam, Adam → SGD',
      );
      const key = frame.locator('.colour-scale');
      await key.waitFor();
      expect(await key.getAttribute('class')).toMatch(/colour-scale-long/);
      const boxes = await key.locator('.colour-scale-ticks span').evaluateAll((spans) =>
        spans
          .filter((s) => getComputedStyle(s).display !== 'none')
          .map((s) => s.getBoundingClientRect())
          .map((r) => [r.left, r.right]),
      );
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i]![0]!).toBeGreaterThan(boxes[i - 1]![1]!);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
