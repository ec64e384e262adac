import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import lz from 'lz-string';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../src/engine/expr/index.ts';
import { readLink, toPreset } from '../../src/preset/index.ts';
import { hostileExpressions, refusedByCompilerOnly } from '../hostile.ts';
import { labSession, openPage, pathsSettled } from './browser.ts';

const lab = labSession();

const wide = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' } as const;
const linkTo = (preset: unknown) =>
  `#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(preset))}`;
const custom = (expr: string) => ({
  v: 1,
  fn: { id: 'custom', expr },
  steps: 200,
  optimizers: [
    { type: 'sgd', lr: 0.01, momentum: 0.9 },
    { type: 'adam', lr: 0.05 },
  ],
});

const status = (page: Page) => page.textContent('p.status');
/** How many contour fields the page has received so far. */
const fields = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('descent-lab:field').length);
const expression = (page: Page) => page.getByLabel('f(x, y) =');
const pwned = (page: Page) =>
  page.evaluate(() => (globalThis as Record<string, unknown>)['__pwned'] !== undefined);

async function computed(page: Page): Promise<void> {
  await page.waitForSelector('.app[data-state="ready"]', { timeout: 30_000 });
  await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/computed in/);
}

/** The scene the page shows, as a preset. */
const preset = (page: Page) => page.evaluate(() => window.descentLab!.preset());

describe('custom functions in the browser', () => {
  it('type a function: errors with columns as you type, then contours, paths and its gradient', async () => {
    const { page, errors } = await openPage(lab.browser, wide);
    await page.goto(lab.server.url);
    await computed(page);
    await page.getByLabel('Function', { exact: true }).selectOption({ label: 'Custom f(x, y)' });
    const input = expression(page);
    await expect.poll(() => page.textContent('.ctl-gradient')).toMatch(/∂f\/∂x =/);
    await computed(page);

    await input.fill('x + sinn(y)');
    await expect
      .poll(() => page.textContent('.ctl-custom .ctl-problem'))
      .toBe('unknown function "sinn" at column 5');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const described = (await input.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${described[0]}"]`).textContent()).toMatch(/column 5/);

    await input.fill('x^2 + [y]');
    await expect
      .poll(() => page.textContent('.ctl-custom .ctl-problem'))
      .toBe('matrices and indexing are not allowed at column 7');

    const before = await fields(page);
    await input.fill('(x - 1)^2 + 3 * (y + 0.5)^2');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('false');
    await expect
      .poll(() => page.textContent('.ctl-gradient'))
      .toBe('∂f/∂x =2 * (x - 1)∂f/∂y =6 * (y + 0.5)');
    await expect.poll(() => fields(page)).toBeGreaterThan(before);
    await computed(page);
    expect((await preset(page)).fn).toEqual({ id: 'custom', expr: '(x - 1)^2 + 3 * (y + 0.5)^2' });
    // Hovering the plot reads f of the typed function (evaluated on the page without eval).
    const box = (await page.locator('canvas.plot').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.textContent('.readout')).toMatch(/f = \d/);
    // Both runs are listed with their results, computed on the typed function.
    const legend = await page.locator('.legend-item').allTextContents();
    expect(legend).toHaveLength(3);
    for (const item of legend) expect(item).toMatch(/final loss/);
    expect(errors).toEqual([]);
  });

  it('shows holes where f is not finite and marks a run that enters one', async () => {
    const { page, errors } = await openPage(lab.browser, wide);
    await page.goto(
      `${lab.server.url}${linkTo({ ...custom('log(x) + y^2'), start: [0.5, 1], optimizers: [{ type: 'sgd', lr: 1 }] })}`,
    );
    await computed(page);
    await expect.poll(() => page.textContent('body')).toMatch(/diverged/i);
    expect(errors).toEqual([]);
  });

  it('says so when f is finite nowhere in the view, and recovers when the function is fixed', async () => {
    const { page, errors } = await openPage(lab.browser, wide);
    await page.goto(`${lab.server.url}${linkTo(custom('log(-1 - x^2 - y^2)'))}`);
    await page.waitForSelector('.app[data-state="error"]', { timeout: 30_000 });
    expect(await status(page)).toMatch(/^Error: .*not finite anywhere in the view/);
    await expression(page).fill('x^2 + y^2');
    await computed(page);
    expect(await status(page)).not.toMatch(/Error/);
    expect(errors).toEqual([]);
  });

  it('a custom scene survives the share link round trip', async () => {
    const first = await openPage(lab.browser, wide);
    await first.page.goto(`${lab.server.url}${linkTo(custom('sin(x) * cos(y) + 0.1 * x^2'))}`);
    await computed(first.page);
    const shown = await preset(first.page);
    expect(shown.fn).toEqual({ id: 'custom', expr: 'sin(x) * cos(y) + 0.1 * x^2' });
    await expect.poll(() => first.page.url()).toMatch(/#s=1\./);
    const second = await openPage(lab.browser, wide);
    await second.page.goto(first.page.url());
    await computed(second.page);
    expect(await preset(second.page)).toEqual(shown);
    expect(await expression(second.page).inputValue()).toBe('sin(x) * cos(y) + 0.1 * x^2');
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it(
    'a link whose typed function the compiler refuses opens as on the command line: Rosenbrock, drawn, with a dismissible notice, and nothing refused is kept',
    { timeout: 180_000 },
    async () => {
      for (const expr of refusedByCompilerOnly) {
        const link = linkTo(custom(expr));
        // What the command line runs for this link: the compiler's refusal, then the default function.
        const cli = readLink(link, { checkExpression });
        if (!cli.found) throw new Error('no scene');
        const refusal = cli.problems.find((p) => p.startsWith('fn.expr'))!;
        expect(refusal).toMatch(/^fn\.expr is not a valid function: .* \(used rosenbrock\)$/);

        const { page, errors, context } = await openPage(lab.browser, wide);
        await page.goto(`${lab.server.url}${link}`);
        await computed(page);
        const notice = page.getByRole('alert');
        await expect.poll(() => notice.textContent()).toContain(refusal);
        expect(await page.textContent('p.status')).toMatch(
          /^Rosenbrock · 2 optimizers · 200 steps/,
        );
        expect(await page.getByLabel('Function', { exact: true }).inputValue()).toBe('rosenbrock');
        // Contours and both paths are drawn, each run listed with its result.
        await expect.poll(() => fields(page)).toBeGreaterThan(0);
        await pathsSettled(page);
        const drawn = await page.evaluate(() => {
          const mark = performance.getEntriesByName('descent-lab:draw').at(-1) as PerformanceMark;
          const canvas = document.querySelector<HTMLCanvasElement>('canvas.plot')!;
          const data = canvas
            .getContext('2d')!
            .getImageData(0, 0, canvas.width, canvas.height).data;
          // Pixels in each run's colour (SGD with momentum #0072b2, Adam #e69f00).
          const count = (r: number, g: number, b: number) => {
            let n = 0;
            for (let i = 0; i < data.length; i += 4) {
              if (
                Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) <
                24
              )
                n++;
            }
            return n;
          };
          return { field: mark.detail.field, paths: [count(0, 0x72, 0xb2), count(0xe6, 0x9f, 0)] };
        });
        expect(drawn.field, expr).toBe(true);
        for (const n of drawn.paths) expect(n, expr).toBeGreaterThan(20);
        const legend = await page.locator('.legend-item').allTextContents();
        // (Momentum at lr 0.01 leaves Rosenbrock's valley within a few steps, as in the CLI.)
        expect(legend, expr).toEqual([
          expect.stringMatching(/^Momentumdiverged at step \d+$/),
          expect.stringMatching(/^Adamfinal loss \d/),
        ]);
        // Exactly the scene the command line runs, and nothing refused in the URL or the autosave.
        expect(await preset(page)).toEqual(toPreset(cli.scene));
        const written = async () => {
          const url = readLink(page.url());
          const saved = await page.evaluate(() => localStorage.getItem('descent-lab:scene'));
          return url.found && saved !== null && !saved.includes(JSON.stringify(expr))
            ? { url: url.scene, problems: url.problems, saved: JSON.parse(saved).fn }
            : null;
        };
        await expect.poll(written).toEqual({
          url: cli.scene,
          problems: [],
          saved: { id: 'rosenbrock', params: { a: 1, b: 100 } },
        });
        await page.getByRole('button', { name: 'Dismiss' }).click();
        expect(await page.locator('.notice').count()).toBe(0);
        // The refused text is not offered back when Custom is picked again.
        await page
          .getByLabel('Function', { exact: true })
          .selectOption({ label: 'Custom f(x, y)' });
        expect(await expression(page).inputValue()).not.toBe(expr);
        expect(errors, expr).toEqual([]);
        await context.close();
      }
    },
  );

  it('descentLab.load in the console goes the way of a link; a bad preset throws, naming its fields', async () => {
    const { page, errors } = await openPage(lab.browser, wide);
    await page.goto(lab.server.url);
    await computed(page);
    const load = (preset: unknown) =>
      page.evaluate((p) => {
        try {
          window.descentLab!.load(p);
          return null;
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        }
      }, preset);
    // Passes the page's first check, refused by the compiler: Rosenbrock, drawn, with a notice.
    const refused = custom('resolve(x)');
    expect(await load(refused)).toBeNull();
    const cli = readLink(linkTo(refused), { checkExpression });
    if (!cli.found) throw new Error('no scene');
    const notice = page.getByRole('alert');
    await expect
      .poll(() => notice.textContent())
      .toContain('fn.expr is not a valid function: unknown function "resolve" at column 1');
    await computed(page);
    expect(await status(page)).toMatch(/^Rosenbrock · 2 optimizers · 200 steps/);
    expect(await preset(page)).toEqual(toPreset(cli.scene));
    await expect.poll(() => fields(page)).toBeGreaterThan(0);
    await pathsSettled(page);
    // A preset the schema refuses: a readable error for the console, and the scene stays.
    expect(await load({ v: 1, fn: { id: 'booth' }, steps: 'many' })).toMatch(
      /^PresetError: .*steps must be a finite number/,
    );
    expect(await load({ ...custom('sin(x'), steps: 100 })).toMatch(/^PresetError: .*fn\.expr/);
    expect(await preset(page)).toEqual(toPreset(cli.scene));
    expect(await pwned(page)).toBe(false);
    expect(errors).toEqual([]);
  });

  it(
    'hostile expressions, typed and in links: refused or plain arithmetic, the page responsive, nothing run',
    { timeout: 600_000 },
    async () => {
      const { page, errors } = await openPage(lab.browser, wide);
      await page.goto(`${lab.server.url}${linkTo(custom('x^2 + y^2'))}`);
      await computed(page);
      const input = expression(page);
      for (const text of hostileExpressions) {
        await input.fill(text);
        // Settled: refused with a message, or accepted and computed.
        await expect
          .poll(
            async () =>
              (await input.getAttribute('aria-invalid')) === 'true' ||
              (await page.locator('.ctl-gradient').count()) > 0,
            { timeout: 30_000 },
          )
          .toBe(true);
        // The page answers at once: the main thread is never blocked.
        expect(await page.evaluate(() => 1 + 1)).toBe(2);
        expect(await pwned(page), text).toBe(false);
      }
      // Then each as a link pasted into the open page's address bar.
      for (const text of hostileExpressions) {
        // The last link's notice goes first, so a notice seen below is this link's.
        if ((await page.getByRole('alert').count()) > 0) {
          await page.getByRole('button', { name: 'Dismiss' }).click();
        }
        await page.evaluate((hash) => (location.hash = hash), linkTo(custom(text)));
        // Refused (by the page's first check or by the compiler: the default function and a
        // notice, as on the command line), or plain arithmetic (a gradient).
        // The poll answers 'settled' or what it saw, so a failure names the link and the state.
        await expect
          .poll(
            async () => {
              const fn = (await preset(page)).fn as { id: string; expr?: string };
              const alerts = await page.getByRole('alert').allTextContents();
              const gradients = await page.locator('.ctl-gradient').count();
              if (fn.id !== 'custom' ? alerts.length > 0 : fn.expr === text && gradients > 0) {
                return 'settled';
              }
              return JSON.stringify({ text, fn, alerts, gradients, status: await status(page) });
            },
            { timeout: 30_000 },
          )
          .toBe('settled');
        expect(await page.evaluate(() => 1 + 1)).toBe(2);
        expect(await pwned(page), text).toBe(false);
      }
      // Refusals are messages on the page, not console errors or crashes.
      expect(errors).toEqual([]);
    },
  );

  it('the inspector records a typed function with its exact gradient', async () => {
    const { page, errors, context } = await openPage(lab.browser, wide);
    // f = x² + 3y² from the default start (−2, 2): ∇f = (2x, 6y) = (−4, 12) at step 1.
    await page.goto(lab.server.url + linkTo({ ...custom('x^2 + 3*y^2'), start: [-2, 2] }));
    await computed(page);
    await page.locator('button.inspect-toggle[aria-label^="Inspect Adam"]').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator('.inspect-why[data-step="1"]').waitFor();
    const grad = await page
      .locator('.term-table tr[data-term="grad"] td')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    expect(grad).toEqual([-4, 12]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the page runs under a CSP without unsafe-eval; only the four computing workers may compile JS', async () => {
    const assets = readdirSync(fileURLToPath(new URL('../../dist/assets', import.meta.url)));
    const policy = async (path: string) =>
      (await fetch(new URL(path, lab.server.url))).headers.get('content-security-policy') ?? '';
    const page = await policy('/');
    expect(page).toMatch(/script-src 'self'(;|$)/);
    expect(page).not.toMatch(/unsafe-eval/);
    const workers = assets.filter((f) => /\.worker-.*\.js$/.test(f));
    expect(workers.map((f) => f.split('-')[0]).sort()).toEqual([
      'boundary.worker',
      'compile.worker',
      'field.worker',
      'inspect.worker',
      'network.worker',
      'networkTrainer.worker',
      'sweep.worker',
      'trajectory.worker',
    ]);
    for (const file of workers) {
      // The compile worker runs mathjs and compiles nothing; the network, trainer and boundary
      // workers compile only WebAssembly (their forward pass), never JS from text.
      const wasm = ['network', 'boundary'].some((name) => file.startsWith(name));
      const expected = file.startsWith('compile')
        ? /script-src 'self'$/
        : wasm
          ? /script-src 'self' 'wasm-unsafe-eval'$/
          : /'unsafe-eval'/;
      expect(await policy(`/assets/${file}`), file).toMatch(expected);
    }
    // In the page itself, code from text does not run.
    const { page: tab, errors } = await openPage(lab.browser, wide);
    await tab.goto(lab.server.url);
    await computed(tab);
    // (Playwright's own evaluate is exempt from the policy; a string timer runs as the page.)
    const outcome = await tab.evaluate(
      () =>
        new Promise<string>((resolve) => {
          addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
          setTimeout('globalThis.__pwned = 1', 0);
          setTimeout(() => resolve('ran'), 500);
        }),
    );
    expect(outcome).toBe('script-src');
    expect(await pwned(tab)).toBe(false);
    expect(errors.filter((e) => !/unsafe-eval|Content Security Policy/.test(e))).toEqual([]);
  });
});
