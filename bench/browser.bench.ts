/**
 * The live lab's budgets, measured in a real Chromium against the production build
 * (`npm run bench`): slider input → first frame with the new paths, long tasks during a drag,
 * contours for a new view, first-load JavaScript, and cold load → drawn contours.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import type {} from '../src/devtools.ts';
import { launchBrowser, openPage, startPreview } from '../tests/e2e/browser.ts';
import { heavyScene } from '../tests/e2e/heavyScene.ts';
import lz from 'lz-string';
import { basinArrival, basinScene } from './basins.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const MOVES = 200;
/**
 * `--only=zoom` (or a list: `--only=load,slider`) runs those parts alone, for quick before/after
 * runs: load (bundle, cold load), zoom (contour fields), heavy (the largest scene), slider (drags),
 * basins (a 256² basin map, and a drag while one computes), data (drags in scenes made of data: an
 * optimizer's lr, and B, which changes every run).
 */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: string): boolean => only === undefined || only.includes(part);

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
let missed = 0;
function report(name: string, value: string, target: string, ok: boolean): void {
  if (!ok) missed++;
  console.log(
    `${name.padEnd(44)} ${value.padStart(22)}   target ${target.padEnd(12)} ${verdict(ok)}`,
  );
}

/** A scene of `count` Adams (varied learning rates) on Rosenbrock, `steps` steps each. */
const scene = (count: number, steps: number) => ({
  v: 1,
  fn: { id: 'rosenbrock' },
  steps,
  optimizers: Array.from({ length: count }, (_, i) => ({ type: 'adam', lr: 0.005 * (i + 1) })),
});

/**
 * A scene made of data: 1,000 training examples (a quarter more held out), B = 32, six
 * optimizers × 1,000 steps; every step is a pass over the training set for the loss drawn.
 */
const dataScene = (id: string) => ({
  v: 1,
  fn: { id, params: { n: 1334, test: 0.25, batch: 32 } },
  steps: 1000,
  optimizers: [
    { type: 'sgd', lr: 0.05 },
    { type: 'sgd', lr: 0.02, momentum: 0.9 },
    { type: 'adam', lr: 0.02 },
    { type: 'rmsprop', lr: 0.01 },
    { type: 'adagrad', lr: 0.3 },
    { type: 'lion', lr: 0.003 },
  ],
});

/** What one drag measured, per input event that changed the scene. */
interface Drag {
  /** Input event → the first drawn frame showing that request's paths. */
  latencies: number[];
  /** The same, from the pointer event's own timestamp: adds the browser's wait for a frame. */
  fromPointer: number[];
  /** Time spent drawing the landscape, per frame drawn. */
  drawMs: number[];
  /** Main-thread tasks over 50 ms during the drag. */
  longTasks: number[];
  /** Requests no frame ever showed (there should be none). */
  undrawn: number;
  /**
   * Per request, the least share of a run's path that its first frame drew: a path sketched on the
   * page, or the worker's first chunk, may show its start only, the rest streaming in after.
   */
  shares: number[];
}

/**
 * Drags the first slider of `field` with the mouse, through Chromium's own input pipeline
 * (CDP), back and forth until `moves` input events have changed the scene; the next move comes
 * 0–15 ms after the last one is acknowledged, so moves land anywhere in a frame. Chromium delivers
 * a drag's pointer events at the start of a frame, as it does a user's; each latency runs from the
 * slider's `input` event to the draw mark of the first frame showing that request's paths.
 */
async function dragSlider(page: Page, moves: number, field: string): Promise<Drag> {
  const slider = page.locator(`input[type="range"][data-field="${field}"]`).first();
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { drag: { inputs: number[][]; longTasks: number[] } };
    w.drag = { inputs: [], longTasks: [] };
    let pointer = 0;
    addEventListener('pointermove', (e) => (pointer = e.timeStamp), true);
    addEventListener('input', () => w.drag.inputs.push([performance.now(), pointer]), true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.drag.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    performance.clearMarks();
  });
  const y = box.y + box.height / 2;
  const at = (k: number) => box.x + box.width * (0.3 + 0.4 * Math.abs(((k / 80) % 2) - 1));
  await page.mouse.move(at(0), y);
  await page.mouse.down();
  for (let k = 1, changed = 0; changed < moves && k < moves * 3; k++) {
    await page.mouse.move(at(k), y);
    await new Promise((r) => setTimeout(r, (k * 7) % 16));
    if (k % 20 === 0)
      changed = await page.evaluate(
        () => performance.getEntriesByName('descent-lab:simulate').length,
      );
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const { inputs, longTasks } = (
      window as unknown as { drag: { inputs: number[][]; longTasks: number[] } }
    ).drag;
    const marks = (name: string) => performance.getEntriesByName(name) as PerformanceMark[];
    const draws = marks('descent-lab:draw');
    const result = {
      latencies: [] as number[],
      fromPointer: [] as number[],
      drawMs: [] as number[],
      longTasks,
      undrawn: 0,
      shares: [] as number[],
    };
    const pathsOf = (d: PerformanceMark) => (d.detail as { paths: number[] }).paths;
    // A whole run's points: the longest path any frame drew (the runs end complete).
    const whole = Math.max(...draws.flatMap(pathsOf));
    for (const d of draws) result.drawMs.push((d.detail as { ms: number }).ms);
    for (const request of marks('descent-lab:simulate')) {
      const runId = request.detail as number;
      // The input that made this request: the last one before it (the store calls in the same task).
      const input = inputs.findLast(([t]) => t! <= request.startTime);
      const drawn = draws.find(
        (d) => (d.detail as { runId: number }).runId >= runId && d.startTime >= request.startTime,
      );
      if (!input) continue;
      if (!drawn) {
        result.undrawn++;
        continue;
      }
      result.latencies.push(drawn.startTime - input[0]!);
      result.fromPointer.push(drawn.startTime - input[1]!);
      result.shares.push(Math.min(...pathsOf(drawn)) / whole);
    }
    return result;
  });
}

/** Zooms in and out by keyboard `count` times; returns each time from the key to drawn contours of the new view. */
function zoomContours(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.plot')!;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      canvas.dispatchEvent(new KeyboardEvent('keydown', { key: i % 2 ? '-' : '+', bubbles: true }));
      const t = await new Promise<number>((resolve, reject) => {
        setTimeout(() => reject(new Error('no contours drawn for the new view within 5 s')), 5000);
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            const detail = (e as PerformanceMark).detail as { fieldCurrent?: boolean } | undefined;
            if (e.name === 'descent-lab:draw' && e.startTime > t0 && detail?.fieldCurrent) {
              observer.disconnect();
              resolve(e.startTime - t0);
            }
          }
        });
        observer.observe({ type: 'mark' });
      });
      times.push(t);
    }
    return times;
  }, count);
}

/** First-load JavaScript, cold load → drawn contours, and contours for a new view. */
async function loadBudgets(
  url: string,
  browser: Browser,
  firstLoad: number,
  workers: number,
  compiler: number,
): Promise<void> {
  report(
    'first-load JavaScript (gzip, page)',
    `${firstLoad.toFixed(1)} KB`,
    '≤ 170 KB',
    firstLoad <= 170,
  );
  console.log(
    `${'  workers, loaded alongside (gzip)'.padEnd(44)} ${`${workers.toFixed(1)} KB`.padStart(22)}`,
  );
  console.log(
    `${'  compile worker, with a typed function (gzip)'.padEnd(44)} ${`${compiler.toFixed(1)} KB`.padStart(22)}`,
  );

  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    const t = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const seen = () => {
            const drawn = performance
              .getEntriesByName('descent-lab:draw')
              .find((e) => ((e as PerformanceMark).detail as { field: boolean }).field);
            if (drawn) resolve(drawn.startTime);
            else requestAnimationFrame(seen);
          };
          seen();
        }),
    );
    loads.push(t);
    await context.close();
  }
  report(
    'cold load → drawn contours (median of 5)',
    ms(quantile(loads, 0.5)),
    '≤ 1000 ms',
    quantile(loads, 0.5) <= 1000,
  );
}

/** Zooms counted from the first one: a user's first zooms are the ones a fresh worker serves. */
const ZOOMS = 40;
/** The fields a fresh worker computes first: the load's and the first ten zooms'. */
const FIRST = 11;

/**
 * Contour fields for new views, every one counted: the load's field, then ZOOMS keyboard zooms
 * from the moment the page is ready, as a user would zoom. The worker's compute time per field and
 * zoom key → drawn contours.
 */
async function zoomBudgets(url: string, browser: Browser): Promise<void> {
  const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('.app[data-state="ready"]');
  const times = await zoomContours(page, ZOOMS);
  const computed = await page.evaluate(() =>
    performance
      .getEntriesByName('descent-lab:field')
      .map((e) => ((e as PerformanceMark).detail as { ms: number }).ms),
  );
  const zooms = computed.slice(-ZOOMS);
  const first = computed.slice(0, FIRST);
  report(
    `contour field for a new view, 512², in the worker (p95 of all ${zooms.length} zooms)`,
    `${ms(quantile(zooms, 0.95))} (median ${ms(quantile(zooms, 0.5))})`,
    '≤ 30 ms',
    quantile(zooms, 0.95) <= 30,
  );
  console.log(
    `${`  the worker's first ${first.length} fields (load + ${FIRST - 1} zooms)`.padEnd(44)} ${`max ${ms(Math.max(...first))} (median ${ms(quantile(first, 0.5))})`.padStart(22)}`,
  );
  console.log(`${'    each, in ms'.padEnd(44)} ${first.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(
    `${'  zoom key → those contours drawn (p95)'.padEnd(44)} ${`${ms(quantile(times, 0.95))} (median ${ms(quantile(times, 0.5))})`.padStart(22)}`,
  );
  await context.close();
}

/** The longest main-thread task from opening `url` until the page is ready and 1 s more. */
async function longestTask(browser: Browser, url: string): Promise<number> {
  const { page, context, errors } = await openPage(browser, {
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript({
    content: `globalThis.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) globalThis.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });`,
  });
  await page.goto(url);
  await page.waitForSelector('.app[data-state="ready"]', { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(
    () => (globalThis as unknown as { __longTasks: number[] }).__longTasks,
  );
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await context.close();
  return Math.max(0, ...tasks);
}

/**
 * The longest frame while the largest valid scene loads (20 × 100,000 steps of sin(x)·cos(y)
 * over ±10⁶, whose 1.3 M segments of iso-lines blocked the page for ~1 s), worst of three fresh
 * pages, beside the default scene's load. Target 200 ms: loading any scene mounts React and
 * compiles the page's code in one task, which takes ~100–200 ms here on its own; what a scene adds
 * must stay within that, far from the second it took.
 */
async function heavyBudgets(url: string, browser: Browser): Promise<void> {
  const link = `${url}#s=1.${lz.compressToEncodedURIComponent(JSON.stringify(heavyScene))}`;
  const plain: number[] = [];
  const heavy: number[] = [];
  for (let i = 0; i < 3; i++) {
    plain.push(await longestTask(browser, url));
    heavy.push(await longestTask(browser, link));
  }
  console.log(
    `${'longest task loading the default scene (worst of 3)'.padEnd(44)} ${ms(Math.max(...plain)).padStart(22)}`,
  );
  report(
    'longest task, 20 × 100,000 sin·cos over ±1e6 (worst of 3)',
    `${ms(Math.max(...heavy))} (${heavy.map((t) => t.toFixed(0)).join(', ')})`,
    '≤ 200 ms',
    Math.max(...heavy) <= 200,
  );
}

/**
 * Drags the first slider of `field` (the first lr slider by default) MOVES times; reports input →
 * frame (p95) and long tasks against `target`.
 */
async function dragBudgets(page: Page, what: string, target: number, field = 'lr'): Promise<void> {
  const { latencies, fromPointer, longTasks, drawMs, undrawn, shares } = await dragSlider(
    page,
    MOVES,
    field,
  );
  if (undrawn > 0) throw new Error(`${undrawn} slider requests were never drawn`);
  const p95 = quantile(latencies, 0.95);
  report(
    `slider → frame, ${what} (p95 of ${latencies.length})`,
    `${ms(p95)} (median ${ms(quantile(latencies, 0.5))})`,
    `≤ ${target} ms`,
    p95 <= target,
  );
  console.log(
    `${'  from the pointer event, with the frame wait (p95)'.padEnd(44)} ${`${ms(quantile(fromPointer, 0.95))} (median ${ms(quantile(fromPointer, 0.5))})`.padStart(22)}`,
  );
  console.log(
    `${'  of which drawing the landscape (p95)'.padEnd(44)} ${`${ms(quantile(drawMs, 0.95))} (median ${ms(quantile(drawMs, 0.5))})`.padStart(22)}`,
  );
  const pct = (q: number) => `${Math.round(100 * quantile(shares, q))}%`;
  console.log(
    `${'  least share of a path in that frame'.padEnd(44)} ${`median ${pct(0.5)}, p5 ${pct(0.05)}`.padStart(22)}`,
  );
  const longest = longTasks.length ? Math.max(...longTasks) : 0;
  report(
    `  main-thread tasks > 50 ms during the drag`,
    `${longTasks.length} (longest ${ms(longest)})`,
    '0',
    longTasks.length === 0,
  );
}

/**
 * Opens a fresh page on `preset`, waits until the status line describes it computed (it names the
 * computed scene's steps), then drags and reports against `target`.
 */
async function sceneDrag(
  browser: Browser,
  url: string,
  preset: { readonly steps: number },
  what: string,
  target: number,
  field?: string,
): Promise<void> {
  const { page, context, errors } = await openPage(browser, {
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(url);
  await page.waitForSelector('.app[data-state="ready"]');
  await page.evaluate((p) => window.descentLab!.load(p), preset);
  await page.waitForFunction(
    (done) => document.querySelector('p.status')?.textContent?.includes(done),
    `${preset.steps} steps · computed in`,
    { timeout: 60_000 },
  );
  await dragBudgets(page, what, target, field);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await context.close();
}

/** Basin maps measured per zoom after the first: a fresh pool's first map is reported apart. */
const BASIN_ZOOMS = 4;

/**
 * The basin map of 256² starts × 500 Adam steps on Rosenbrock: from the request (the preset that
 * opens it, then keyboard zooms that change the view) to its first drawn picture and to full
 * resolution; then a drag of another optimizer's lr slider at 6 × 2,000 steps while a basin map of
 * 256² × 2,000 steps computes beside it, against the live budgets.
 */
async function basinBudgets(url: string, browser: Browser): Promise<void> {
  const { page, context, errors } = await openPage(browser, {
    viewport: { width: 1280, height: 800 },
  });
  await page.goto(url);
  await page.waitForSelector('.app[data-state="ready"]');
  const cold = await basinArrival(page, { load: basinScene(1, 500, 0) });
  const warm = [];
  for (let i = 0; i < BASIN_ZOOMS; i++) {
    await page.waitForTimeout(200);
    warm.push(await basinArrival(page, { key: i % 2 ? '-' : '+' }));
  }
  const firsts = warm.map((a) => a.first);
  const fulls = warm.map((a) => a.full);
  report(
    `basin map 256² × 500 Adam: first picture (worst of ${warm.length} views)`,
    `${ms(Math.max(...firsts))} (median ${ms(quantile(firsts, 0.5))})`,
    '≤ 150 ms',
    Math.max(...firsts) <= 150,
  );
  report(
    `  full resolution (worst of ${warm.length} views)`,
    `${ms(Math.max(...fulls))} (median ${ms(quantile(fulls, 0.5))})`,
    '≤ 1500 ms',
    Math.max(...fulls) <= 1500,
  );
  console.log(
    `${'  the first map of a fresh page (pool made)'.padEnd(44)} ${`${ms(cold.first)} / ${ms(cold.full)}`.padStart(22)}`,
  );

  // Side by side on this shared machine: the same drag with no sweep open, then while the second
  // optimizer's map (256² × 2,000 steps: seconds of work) computes; dragging the first one's
  // slider does not change that map.
  await page.evaluate((preset) => window.descentLab!.load(preset), basinScene(6, 2000, 1, 0));
  await page.waitForTimeout(300);
  await dragBudgets(page, '6 × 2000 steps, no sweep (beside)', 16.7);
  await page.evaluate((preset) => window.descentLab!.load(preset), basinScene(6, 2000, 1));
  await page.waitForTimeout(300);
  await dragBudgets(page, '6 × 2000 steps, basin map computing', 16.7);
  const overlap = await page.evaluate(() => {
    const { inputs } = (window as unknown as { drag: { inputs: number[][] } }).drag;
    const full = performance.getEntriesByName('descent-lab:draw').find((e) => {
      const b = (e as PerformanceMark).detail?.basins as { cells: number; of: number } | null;
      return b !== null && b.cells === b.of;
    });
    const end = full?.startTime ?? Infinity;
    return `${inputs.filter(([t]) => t! < end).length} of ${inputs.length}`;
  });
  console.log(`${'  drag inputs while the basin map computed'.padEnd(44)} ${overlap.padStart(22)}`);
  // The map of the dragged optimizer itself: every input supersedes it, so it computes throughout.
  await page.evaluate((preset) => window.descentLab!.load(preset), basinScene(6, 2000, 0));
  await page.waitForTimeout(300);
  await dragBudgets(page, '6 × 2000, its basin map recomputed per input', 16.7);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await context.close();
}

async function main(): Promise<void> {
  console.log('building…');
  await build({ root, logLevel: 'warn' });
  const assets = join(root, 'dist/assets');
  const gz = (f: string) => gzipSync(readFileSync(join(assets, f))).length / 1024;
  const files = readdirSync(assets);
  const entryJs = files.filter((f) => f.startsWith('index-') && f.endsWith('.js'));
  const workerJs = files.filter((f) => f.includes('.worker') && f.endsWith('.js'));
  // The compile worker (mathjs) loads only once a typed function appears.
  const onDemand = workerJs.filter((f) => f.startsWith('compile.worker'));
  const firstLoad = entryJs.reduce((s, f) => s + gz(f), 0);
  const workers = workerJs.filter((f) => !onDemand.includes(f)).reduce((s, f) => s + gz(f), 0);
  const compiler = onDemand.reduce((s, f) => s + gz(f), 0);

  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    console.log(
      `Chromium ${browser.version()}, production build, vite preview (cross-origin isolated)\n`,
    );
    if (runs('load')) await loadBudgets(server.url, browser, firstLoad, workers, compiler);
    if (runs('zoom')) await zoomBudgets(server.url, browser);
    if (runs('heavy')) await heavyBudgets(server.url, browser);
    if (runs('basins')) await basinBudgets(server.url, browser);

    for (const id of runs('data') ? ['linear_regression', 'sparse_logistic'] : [])
      await sceneDrag(
        browser,
        server.url,
        dataScene(id),
        `${id}, N = 1,000, B = 32, 6 × 1,000`,
        33,
      );
    // B itself: every run changes with it.
    if (runs('data'))
      await sceneDrag(
        browser,
        server.url,
        dataScene('linear_regression'),
        'linear_regression, its B, 6 × 1,000',
        33,
        'fn.params.batch',
      );

    for (const [count, steps, target] of runs('slider')
      ? ([
          [6, 2000, 16.7],
          [20, 10000, 33],
        ] as const)
      : [])
      await sceneDrag(
        browser,
        server.url,
        scene(count, steps),
        `${count} × ${steps} steps`,
        target,
      );
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(missed ? `\n${missed} target(s) missed` : '\nall targets met');
}

await main();
