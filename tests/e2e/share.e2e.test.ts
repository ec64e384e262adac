import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lz from 'lz-string';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gallery } from '../../src/gallery/scenes.ts';
import { parsePreset } from '../../src/preset/index.ts';
import { axeViolations, fullQuality, labSession, openPage, pathsSettled } from './browser.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lab = labSession();

const wide = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' } as const;

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-state="ready"]', { timeout: 30_000 });
}

/** How many contour fields the page has received so far. */
const fields = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('descent-lab:field').length);

/** The plot's pixels as a PNG data URL. */
const plotPixels = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLCanvasElement>('canvas.plot')!.toDataURL());

/**
 * The scene on screen, as a preset, and the plot's pixels, once the trajectories are computed,
 * more than `fieldsBefore` contour fields have arrived, the paths are settled and the picture
 * holds still for 250 ms: on a loaded machine a run or field of the scene can still land after
 * the first settled frame (CI once caught a frame before the last one).
 */
async function drawing(
  page: Page,
  fieldsBefore: number,
): Promise<{ preset: unknown; pixels: string }> {
  await ready(page);
  await expect.poll(() => page.textContent('p.status'), { timeout: 30_000 }).toMatch(/computed in/);
  await expect.poll(() => fields(page), { timeout: 30_000 }).toBeGreaterThan(fieldsBefore);
  await pathsSettled(page);
  await fullQuality(page);
  let pixels = await plotPixels(page);
  await expect
    .poll(
      async () => {
        await page.waitForTimeout(250);
        await pathsSettled(page);
        await fullQuality(page);
        const now = await plotPixels(page);
        const still = now === pixels;
        pixels = now;
        return still;
      },
      { timeout: 30_000, interval: 0 },
    )
    .toBe(true);
  return { preset: await page.evaluate(() => window.descentLab!.preset()), pixels };
}

/** How two PNG data URLs differ: same size, largest channel difference, fraction of pixels changed. */
function pixelDiff(page: Page, a: string, b: string) {
  return page.evaluate(
    async ([x, y]) => {
      const load = (src: string) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = reject;
          img.src = src;
        });
      const [ia, ib] = [await load(x!), await load(y!)];
      const pixels = (img: HTMLImageElement) => {
        const c = new OffscreenCanvas(img.width, img.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
      };
      const [da, db] = [pixels(ia), pixels(ib)];
      let changed = 0;
      let maxChannel = 0;
      for (let i = 0; i < da.length; i += 4) {
        let d = 0;
        for (let c = 0; c < 4; c++) d = Math.max(d, Math.abs(da[i + c]! - db[i + c]!));
        if (d > 0) changed++;
        maxChannel = Math.max(maxChannel, d);
      }
      return {
        size: ia.width === ib.width && ia.height === ib.height,
        maxChannel,
        changed: changed / (da.length / 4),
      };
    },
    [a, b],
  );
}

const linkTo = (preset: unknown) =>
  `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(preset))}`;

describe('links', () => {
  it('copy link, open it in a fresh page: the same scene and the same drawing', async () => {
    const first = await openPage(lab.browser, {
      ...wide,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = first;
    await page.goto(lab.server.url);
    await ready(page);
    const entries = await page.evaluate(() => history.length);
    await expect.poll(() => fields(page)).toBeGreaterThan(0);
    const fieldsBefore = await fields(page);
    // Change the scene through the controls: Adam's learning rate, then the function.
    const adamLr = page.locator('.ctl-card').nth(2).locator('input[type="range"][data-field="lr"]');
    await adamLr.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.getByLabel('Function', { exact: true }).selectOption('narrow_valley');
    const before = await drawing(page, fieldsBefore);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.textContent('.copy-status')).toMatch(/Link copied/);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${lab.server.url}#s=1.`)).toBe(true);
    expect(link.length).toBeLessThan(2000);
    // The address bar follows the scene without adding history entries.
    await expect.poll(() => page.url()).toBe(link);
    expect(await page.evaluate(() => history.length)).toBe(entries);

    const second = await openPage(lab.browser, wide);
    await second.page.goto(link);
    const after = await drawing(second.page, 0);
    expect(after.preset).toEqual(before.preset);
    // The same pixels, up to anti-aliasing: compositing order may round an edge differently.
    const diff = await pixelDiff(second.page, before.pixels, after.pixels);
    expect(diff.size).toBe(true);
    expect(diff.maxChannel).toBeLessThanOrEqual(8);
    expect(diff.changed).toBeLessThan(0.01);
    expect(await second.page.locator('.notice').count()).toBe(0);
    expect([...first.errors, ...second.errors]).toEqual([]);

    // The command line prints exactly the trajectories the page exports for that link.
    const download = second.page.waitForEvent('download');
    await second.page.click('.export-menu summary');
    await second.page.getByRole('button', { name: 'Trajectories (JSON)' }).click();
    const file = await (await download).path();
    const cli = spawnSync(process.execPath, [join(root, 'bin/descent-lab.mjs'), 'run', link], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(cli.stdout);
    await first.context.close();
    await second.context.close();
  });

  it('a partly bad link loads what is valid and says what was wrong; the page keeps working', async () => {
    const { page, context, errors } = await openPage(lab.browser, wide);
    const preset = {
      v: 1,
      fn: { id: 'booth' },
      steps: 100,
      optimizers: [
        { type: 'adam', lr: 0.3, weight_decy: 0.1 },
        { type: 'adam', betas: [1.5, 0.999] },
        { type: 'warp_drive' },
      ],
      theme: 'ignored',
    };
    await page.goto(`${lab.server.url}${linkTo(preset)}`);
    await ready(page);
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.textContent()).toMatch(/Parts of this link were not valid/);
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(
      /optimizers\[1\]\.betas\[0\] must be in \[0, 1\), got 1\.5 \(used the default\)/,
    );
    expect(text).toMatch(/optimizers\[2\]\.type must be one of .* \(left this optimizer out\)/);
    // Ignored keys are named too: a typo does not pass unnoticed.
    expect(text).toContain('optimizers[0].weight_decy is not a known field (ignored)');
    expect(text).toContain('theme is not a known field (ignored)');
    expect(await page.locator('.legend-item').count()).toBe(2);
    expect(await page.textContent('p.status')).toMatch(/^Booth · 2 optimizers · 100 steps/);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.notice').count()).toBe(0);
    // The address bar now holds the repaired scene.
    expect(page.url()).not.toContain(linkTo(preset).slice(1));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a hopeless link shows the default scene and a message; a newer one says so', async () => {
    for (const [hash, message] of [
      ['#s=1.not-lz-at-all', /could not be opened[\s\S]*damaged/],
      ['#s=7.AAAA', /newer Descent Lab/],
      [linkTo({ v: 9, steps: 1 }), /newer Descent Lab/],
    ] as const) {
      const { page, context, errors } = await openPage(lab.browser, wide);
      await page.goto(`${lab.server.url}${hash}`);
      await ready(page);
      expect(await page.getByRole('alert').textContent()).toMatch(message);
      expect(await page.textContent('p.status')).toMatch(/^Rosenbrock · 3 optimizers/);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('a link pasted into the address bar of an open page is loaded', async () => {
    const { page, context } = await openPage(lab.browser, wide);
    await page.goto(lab.server.url);
    await ready(page);
    await page.goto(
      `${lab.server.url}${linkTo({ v: 1, fn: { id: 'himmelblau' }, steps: 50, optimizers: [{ type: 'sgd', lr: 0.01 }] })}`,
    );
    await expect
      .poll(() => page.textContent('p.status'))
      .toMatch(/^Himmelblau · 1 optimizer · 50 steps/);
    await context.close();
  });
});

describe('the gallery', () => {
  it('opens a scene in one click, as a link; Back returns to the previous scene', async () => {
    const { page, context, errors } = await openPage(lab.browser, wide);
    await page.goto(lab.server.url);
    await ready(page);
    await page.click('.gallery summary');
    const scene = gallery.find((g) => g.id === 'adagrad-rmsprop')!;
    await page.getByRole('link', { name: scene.title }).click();
    await expect
      .poll(() => page.textContent('p.status'))
      .toMatch(/^Rosenbrock · 2 optimizers · 2,?000 steps/);
    const parsed = parsePreset(scene.preset);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const shown = await page.evaluate(() => window.descentLab!.preset());
    expect(parsePreset(shown)).toEqual(parsed);
    expect(await page.getByRole('link', { name: scene.title }).getAttribute('aria-current')).toBe(
      'true',
    );
    await page.goBack();
    await expect
      .poll(() => page.textContent('p.status'))
      .toMatch(/^Rosenbrock · 3 optimizers · 500 steps/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('autosave', () => {
  it('restores the last scene on the next visit; a link wins; corrupt storage is ignored', async () => {
    const { page, context, errors } = await openPage(lab.browser, wide);
    await page.goto(lab.server.url);
    await ready(page);
    await page.getByLabel('Function', { exact: true }).selectOption('beale');
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('descent-lab:scene') ?? ''))
      .toContain('"beale"');
    await page.goto(`${lab.server.url}?again`);
    await ready(page);
    expect(await page.textContent('p.status')).toMatch(/^Beale/);
    await page.goto(
      `${lab.server.url}${linkTo({ v: 1, fn: { id: 'booth' }, steps: 10, optimizers: [{ type: 'sgd' }] })}`,
    );
    await expect.poll(() => page.textContent('p.status')).toMatch(/^Booth/);
    await page.evaluate(() => localStorage.setItem('descent-lab:scene', '{"v":1,"fn":'));
    await page.goto(`${lab.server.url}?corrupt`);
    await ready(page);
    expect(await page.textContent('p.status')).toMatch(/^Rosenbrock · 3 optimizers/);
    expect(await page.locator('.notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('exports', () => {
  it('every export downloads with a sensible name and parses', async () => {
    const { page, context, errors } = await openPage(lab.browser, {
      ...wide,
      deviceScaleFactor: 2,
    });
    await page.goto(lab.server.url);
    await ready(page);
    const files: Record<string, string> = {};
    for (const label of [
      'Image (PNG)',
      'Vector image (SVG)',
      'Trajectories (CSV)',
      'Trajectories (JSON)',
      'Scene preset (JSON)',
    ]) {
      const download = page.waitForEvent('download');
      if ((await page.locator('.export-menu').getAttribute('open')) === null) {
        await page.click('.export-menu summary');
      }
      await page.getByRole('button', { name: label }).click();
      const d = await download;
      files[label] = d.suggestedFilename();
      const path = (await d.path())!;
      const bytes = readFileSync(path);
      if (label === 'Image (PNG)') {
        expect(bytes.subarray(1, 4).toString()).toBe('PNG');
        const canvas = await page.evaluate(() => {
          const c = document.querySelector<HTMLCanvasElement>('canvas.plot')!;
          return { width: c.width, height: c.height };
        });
        // Device resolution (2×), the plot on top and a legend of three rows below it.
        expect(bytes.readUInt32BE(16)).toBe(canvas.width);
        expect(bytes.readUInt32BE(20)).toBeGreaterThan(canvas.height + 3 * 22 * 2);
      } else if (label === 'Vector image (SVG)') {
        const svg = bytes.toString('utf8');
        const parsed = await page.evaluate((text) => {
          const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
          return {
            error: doc.querySelector('parsererror')?.textContent ?? null,
            polylines: doc.querySelectorAll('polyline').length,
            contourSegments: (doc.querySelector('path')?.getAttribute('d')?.match(/M/g) ?? [])
              .length,
            texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
            keyBands: doc.querySelectorAll('.colour-key rect').length,
            keyLabels: [...doc.querySelectorAll('.colour-key text')].map((t) => t.textContent),
          };
        }, svg);
        expect(parsed.error).toBeNull();
        expect(parsed.polylines).toBe(3);
        expect(parsed.contourSegments).toBeGreaterThan(1000);
        expect(parsed.texts.join(' ')).toMatch(
          /SGD — final loss.*Momentum — final loss.*Adam — final loss/,
        );
        // The colour key: one band per level and the page's own labels.
        expect(parsed.keyBands).toBe(25);
        const pageLabels = await page.locator('.colour-scale-ticks span').allTextContents();
        expect(parsed.keyLabels).toEqual(['f', ...pageLabels]);
      } else if (label === 'Trajectories (CSV)') {
        const lines = bytes.toString('utf8').trimEnd().split('\n');
        expect(lines[0]).toBe('run,step,x,y,f,lr');
        expect(lines).toHaveLength(1 + 3 * 501);
        expect(lines[1]).toBe('0,0,-1.5,2,12.5,');
      } else if (label === 'Trajectories (JSON)') {
        const json = JSON.parse(bytes.toString('utf8'));
        expect(json.runs.map((r: { label: string }) => r.label)).toEqual([
          'SGD',
          'Momentum',
          'Adam',
        ]);
        expect(json.runs[2].points).toHaveLength(501);
      } else {
        expect(parsePreset(JSON.parse(bytes.toString('utf8'))).ok).toBe(true);
      }
    }
    expect(files).toEqual({
      'Image (PNG)': 'descent-lab-rosenbrock.png',
      'Vector image (SVG)': 'descent-lab-rosenbrock.svg',
      'Trajectories (CSV)': 'descent-lab-rosenbrock.trajectories.csv',
      'Trajectories (JSON)': 'descent-lab-rosenbrock.trajectories.json',
      'Scene preset (JSON)': 'descent-lab-rosenbrock.preset.json',
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});
