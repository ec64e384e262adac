import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compactNumber } from '../../src/render/chart/format.ts';
import { forwardKernel } from '../../src/engine/network/wasm/forwardKernel.ts';
import { IO_BYTES } from '../../src/engine/network/wasm/wasmForward.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import { formatNumber } from '../../src/ui/format.ts';
import { run } from '../unit/support/cliInProcess.ts';
import { axeViolations, labSession, pagePerTest, type OpenPage } from './browser.ts';
import { linkTo } from './sameNumbers.ts';

const lab = labSession();
let open: OpenPage;
let page: Page;

pagePerTest(lab, { viewport: { width: 1280, height: 900 } }, async (o) => {
  open = o;
  page = o.page;
});

/** A network scene: three optimizers, one switching from Adam to SGD, on Playground's circle. */
const preset = {
  v: 1,
  fn: { id: 'rosenbrock' },
  steps: 300,
  network: { data: 'circle', hidden: [8, 8] },
  optimizers: [
    { type: 'sgd', lr: 0.3, label: 'SGD' },
    { type: 'adam', lr: 0.03, label: 'Adam' },
    { type: 'adam', lr: 0.03, label: 'Adam → SGD', phases: [{ from: 150, type: 'sgd', lr: 0.3 }] },
  ],
};
const hash = linkTo(preset);

/** What the command line prints for the scene. */
async function cli<T>(args: string[]): Promise<T> {
  const { status, stdout, stderr } = await run([args[0]!, hash, ...args.slice(1)]);
  if (status !== 0) throw new Error(`descent-lab ${args[0]} exited ${status}: ${stderr}`);
  return JSON.parse(stdout) as T;
}

/** The scene computed, and its first race played to the end (it starts once the runs arrive). */
async function computed(page: Page) {
  await expect
    .poll(() => page.textContent('p.status'), { timeout: 60_000 })
    .toMatch(/^Network \[2, 8, 8, 1\] tanh on Circle · 3 optimizers · 300 steps · computed in/);
  await expect.poll(() => page.textContent('.playback-play'), { timeout: 20_000 }).toMatch(/Play$/);
}

describe('a network scene in the page', () => {
  it('trains every optimizer, slices their plane, and shows the command line’s numbers', async () => {
    await page.goto(`${lab.server.url}${hash}`);
    await computed(page);
    await page.waitForSelector('.app[data-state="ready"]');

    // The chart's final losses (training, test in brackets) are descent-lab run's.
    const ran = await cli<{ runs: { label: string; loss: number[]; test_loss: number[] }[] }>([
      'run',
    ]);
    const finals = ran.runs
      .map(
        (r) =>
          `${r.label} ${compactNumber(r.loss.at(-1)!)} (test ${compactNumber(r.test_loss.at(-1)!)})`,
      )
      .join(', ');
    expect(await page.locator('canvas.loss-chart-canvas').getAttribute('aria-label')).toContain(
      `final losses (training; test in brackets) ${finals}.`,
    );
    for (const r of ran.runs) {
      await expect
        .poll(() => page.locator('ul.legend').textContent())
        .toContain(`final loss ${formatNumber(r.loss.at(-1)!)}`);
    }

    // Hovering Adam's last point (where descent-lab slice projects it) tells its distance.
    const slice = await cli<{
      view: { x: [number, number]; y: [number, number] };
      runs: { alpha: number[]; beta: number[]; distance: number[] }[];
    }>(['slice', '--plane', 'pca', '--grid', '2']);
    const adam = slice.runs[1]!;
    const canvas = (await page.locator('canvas.plot').boundingBox())!;
    // The plot area inside the axes (render/frame.ts's margins: left 52, right 16, top 12, bottom 42).
    const [left, top] = [52, 12];
    const [width, height] = [canvas.width - 52 - 16, canvas.height - 12 - 42];
    const { x, y } = slice.view;
    const px = left + ((adam.alpha[300]! - x[0]) / (x[1] - x[0])) * width;
    const py = top + height - ((adam.beta[300]! - y[0]) / (y[1] - y[0])) * height;
    await page.mouse.move(canvas.x + px, canvas.y + py);
    await expect
      .poll(() => page.textContent('p.readout'))
      .toMatch(
        new RegExp(
          `Adam step 300: training loss ${formatNumber(ran.runs[1]!.loss[300]!)}, ` +
            `${formatNumber(adam.distance[300]!)} off the plane$`,
        ),
      );
    expect(await page.textContent('#landscape-help')).toMatch(/a projection hides things/);

    // The Boundaries view opened with the scene: each run's network at the cursor's step, its
    // training loss the command line's at that step.
    await page.mouse.move(0, 0);
    const captions = () =>
      page.locator('.boundaries canvas').evaluateAll((cs) => cs.map((c) => c.ariaLabel ?? ''));
    const lossesAt = (k: number) =>
      ran.runs.map((r) => expect.stringContaining(`training loss ${r.loss[k]!.toPrecision(3)}.`));
    await expect.poll(captions).toEqual(lossesAt(300));
    expect((await captions())[0]).toMatch(/^SGD: .* training accuracy \d+\.\d%, test accuracy/);
    await page.locator('canvas.plot').focus();
    await page.keyboard.press('Home');
    await expect.poll(captions).toEqual(lossesAt(0));

    expect(await axeViolations(page)).toEqual([]);
  });

  it('switches to a random plane through a run’s end and to the test loss: axes, caption, scale and link follow', async () => {
    await page.goto(`${lab.server.url}${hash}`);
    await computed(page);
    const plot = page.locator('canvas.plot');
    await expect
      .poll(() => plot.getAttribute('data-axes'))
      .toMatch(/^PC1 \(\d+% of variance\) \| PC2/);
    const scale = page.locator('.colour-scale');
    expect(await scale.getAttribute('aria-label')).toMatch(/^Colour scale: training loss from /);
    expect(await page.textContent('#landscape-help')).toMatch(
      /first two principal components, and the contours are the full-batch training loss/,
    );

    // The plane through Adam's last point along two filter-normalised random directions.
    const planeSelect = page.getByLabel('Landscape plane');
    await planeSelect.focus();
    await planeSelect.selectOption({ label: 'Random directions through Adam’s end' });
    await expect
      .poll(() => plot.getAttribute('data-axes'), { timeout: 60_000 })
      .toBe('random direction 1 | random direction 2');
    await computed(page);
    expect(await page.textContent('#landscape-help')).toMatch(
      /projected on a plane through Adam’s last point along two filter-normalised random directions .* training loss on that plane: .* a projection hides things/,
    );
    expect(await page.evaluate(() => window.descentLab!.preset())).toMatchObject({
      network: { slice: { plane: 'random', run: 1 } },
    });

    // Hovering Adam's last point: where descent-lab slice --plane random --run 1 puts it, on the plane.
    const slice = await cli<{
      plane: string;
      view: { x: [number, number]; y: [number, number] };
      runs: { alpha: number[]; beta: number[]; distance: number[] }[];
    }>(['slice', '--plane', 'random', '--run', '1', '--grid', '2']);
    expect(slice.plane).toBe('random');
    const hoverAdamEnd = async () => {
      const box = (await plot.boundingBox())!;
      const [width, height] = [box.width - 52 - 16, box.height - 12 - 42];
      const { x, y } = slice.view;
      const adam = slice.runs[1]!;
      const px = 52 + ((adam.alpha[300]! - x[0]) / (x[1] - x[0])) * width;
      const py = 12 + height - ((adam.beta[300]! - y[0]) / (y[1] - y[0])) * height;
      await page.mouse.move(box.x + px, box.y + py);
      return adam.distance[300]!;
    };
    const distance = await hoverAdamEnd();
    expect(distance).toBeLessThan(1e-9);
    await expect
      .poll(() => page.textContent('p.readout'))
      .toMatch(
        new RegExp(`Adam step 300: training loss [^,]+, ${formatNumber(distance)} off the plane$`),
      );
    await page.mouse.move(0, 0);

    // The test loss instead: the worker slices it, and the scale, caption and readout say so.
    await page.getByLabel('Contours of the test loss').check();
    await expect
      .poll(() => scale.getAttribute('aria-label'), { timeout: 60_000 })
      .toMatch(/^Colour scale: test loss from /);
    await computed(page);
    expect(await page.textContent('.colour-scale-name')).toBe('test loss');
    expect(await page.textContent('#landscape-help')).toMatch(
      /the full-batch test loss on that plane/,
    );
    expect(await plot.getAttribute('aria-label')).toMatch(
      /^Contour map of the full-batch test loss/,
    );
    const ran = await cli<{ runs: { test_loss: number[] }[] }>(['run']);
    await hoverAdamEnd();
    await expect
      .poll(() => page.textContent('p.readout'))
      .toMatch(`Adam step 300: test loss ${formatNumber(ran.runs[1]!.test_loss[300]!)}, `);
    await page.mouse.move(0, 0);
    const shared = await page.evaluate(() => window.descentLab!.preset());
    expect(shared).toMatchObject({ network: { slice: { plane: 'random', run: 1, loss: 'test' } } });
    expect(await axeViolations(page)).toEqual([]);

    // The link opens the same plane and loss, the controls showing them.
    const link = await page.evaluate(() => location.hash);
    const fresh = await open.context.newPage();
    await fresh.goto(`${lab.server.url}${link}`);
    await computed(fresh);
    expect(await fresh.evaluate(() => window.descentLab!.preset())).toEqual(shared);
    expect(await fresh.getByLabel('Contours of the test loss').isChecked()).toBe(true);
    expect(await fresh.getByLabel('Landscape plane').inputValue()).toBe('1');
    await expect
      .poll(() => fresh.locator('canvas.plot').getAttribute('data-axes'))
      .toBe('random direction 1 | random direction 2');
    await fresh.close();

    // Back to the principal plane by keyboard, still on the test loss.
    await planeSelect.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => plot.getAttribute('data-axes'), { timeout: 60_000 }).toMatch(/^PC1 \(/);
    await computed(page);
    expect(await page.textContent('#landscape-help')).toMatch(
      /first two principal components, and the contours are the full-batch test loss/,
    );
    expect(await page.evaluate(() => window.descentLab!.preset())).toMatchObject({
      network: { slice: { loss: 'test' } },
    });
  });

  it('trains in a second worker, the trainer: under a policy without eval, the command line’s runs', async () => {
    await page.goto(`${lab.server.url}${hash}`);
    await computed(page);
    const trainer = page
      .workers()
      .find((w) => /\/networkTrainer\.worker-[\w-]+\.js$/.test(w.url()));
    if (!trainer) throw new Error(`no trainer among ${page.workers().map((w) => w.url())}`);
    // Its own response's policy (csp.config.ts's workerPolicy) refuses code from text: a string
    // timer does not run (Playwright's own evaluate is exempt from the policy).
    expect(
      await trainer.evaluate(
        () =>
          new Promise((resolve) => {
            setTimeout('globalThis.ranFromText = true', 0);
            setTimeout(() => resolve('ranFromText' in globalThis), 300);
          }),
      ),
    ).toBe(false);
    // It may compile WebAssembly, as it does the network's forward pass (the module the engine
    // writes for this scene's [8, 8], over Chromium's 4 KB limit for a synchronous compile): its
    // policy says 'wasm-unsafe-eval', the page's does not, and the page refuses the same bytes.
    const { hidden, activation, head } = sceneFromPreset(preset).network!;
    const bytes = [...forwardKernel({ hidden, activation, head }, IO_BYTES).bytes];
    expect(bytes.length).toBeGreaterThan(4096);
    const compile = (code: number[]) => {
      try {
        new WebAssembly.Module(new Uint8Array(code));
        return 'compiled';
      } catch (e) {
        return String(e);
      }
    };
    expect(await trainer.evaluate(compile, bytes)).toBe('compiled');
    expect(await page.evaluate(compile, bytes)).toMatch(/Content Security Policy/);
    // Given a port of its own (as the page gives it one), it trains the runs asked for: the last
    // two, as the network worker hands it half of three, each as `descent-lab run` prints it.
    const runs = await trainer.evaluate(async (scene) => {
      const { port1, port2 } = new MessageChannel();
      self.dispatchEvent(new MessageEvent('message', { data: { type: 'port', port: port2 } }));
      const got: { index: number; loss: number[]; testLoss: number[]; lr: number[] }[] = [];
      return new Promise<typeof got>((resolve) => {
        port1.onmessage = ({ data: { index, run } }) => {
          const { loss, testLoss, lr } = run as Record<string, Float64Array>;
          got.push({ index, loss: [...loss!], testLoss: [...testLoss!], lr: [...lr!] });
          if (got.length === 2) resolve(got);
        };
        port1.postMessage({ type: 'train', requestId: 1, scene, runs: [1, 2] });
      });
    }, sceneFromPreset(preset));
    const ran = await cli<{ runs: { loss: number[]; test_loss: number[]; lrs: number[] }[] }>([
      'run',
    ]);
    expect(runs).toEqual(
      [1, 2].map((index) => {
        const { loss, test_loss, lrs } = ran.runs[index]!;
        return { index, loss, testLoss: test_loss, lr: lrs };
      }),
    );
  });

  it('edits the network from the Scene panel, refuses what the engine cannot train, and goes back', async () => {
    await page.goto(lab.server.url);
    await page.waitForSelector('.app[data-state="ready"]');
    await page.getByRole('button', { name: 'Train a network instead' }).click();
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/^Network \[2, 8, 8, 1\] tanh on Circle · 3 optimizers · 500 steps · computed in/);
    expect(await page.evaluate(() => window.descentLab!.preset())).toMatchObject({
      network: { data: 'circle', hidden: [8, 8] },
    });

    // More steps than a network scene may keep: said on the status line, nothing sent to train.
    const steps = page.getByRole('textbox', { name: /^Steps/ });
    await steps.fill('100000');
    await steps.press('Enter');
    await expect
      .poll(() => page.textContent('p.status'))
      .toMatch(/This network keeps 3 runs × 100,001 points × 105 parameters = 31,500,315 values/);
    await steps.fill('500');
    await steps.press('Enter');
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/^Network \[2, 8, 8, 1\] tanh on Circle · 3 optimizers · 500 steps · computed in/);

    const hidden = page.getByLabel('Hidden layers (units each)');
    await hidden.fill('32, 32, 32');
    await hidden.press('Enter');
    await expect
      .poll(() => page.textContent('.ctl-problem'))
      .toMatch(/^network\.hidden gives 2241 parameters; at most 2000 are allowed/);
    await hidden.fill('4');
    await hidden.press('Enter');
    await page.getByLabel('Data set').selectOption('xor');
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/^Network \[2, 4, 1\] tanh on Exclusive or · .* computed in/);
    expect(await page.evaluate(() => window.descentLab!.preset())).toMatchObject({
      network: { data: 'xor', hidden: [4] },
    });

    await page.getByRole('button', { name: 'Back to functions' }).click();
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/^Rosenbrock · 3 optimizers · 500 steps · computed in/);
    expect(await page.evaluate(() => window.descentLab!.preset())).not.toHaveProperty('network');
  });
});
