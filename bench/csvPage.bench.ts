/**
 * A user's 10,000 rows in a real Chromium (the production build): pasted into the dialog, the time
 * from "Use these rows" to the dialog closing (reading the CSV and loading the scene) and to the
 * scene computed; then the longest main-thread tasks (over 50 ms) while the data loads, and after B
 * is changed, which rewrites the link a quarter-second later (its rows' part is kept). `npm run build && npx tsx bench/csvPage.bench.ts`
 */
import { launchBrowser, openPage, startPreview } from '../tests/e2e/browser.ts';
import { NormalSource } from '../src/engine/noise.ts';

const source = new NormalSource(7);
const lines = ['x,y'];
for (let i = 0; i < 10_000; i++) {
  const a = -1 + 4 * source.nextUniform();
  lines.push(`${a.toFixed(3)},${(2 * a - 1 + 0.5 * source.nextNormal()).toFixed(3)}`);
}
const csv = lines.join('\n');

const server = await startPreview();
const browser = await launchBrowser();
try {
  const { page, context, errors } = await openPage(browser, {
    viewport: { width: 1280, height: 900 },
  });
  await page.goto(server.url);
  await page.waitForSelector('.app[data-state="ready"]');
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.getByLabel('Function', { exact: true }).selectOption({ label: 'Your data (CSV)…' });
  await page.getByRole('dialog', { name: 'Your data (CSV)' }).waitFor();
  // Playwright's fill types 126 kB slowly; a paste sets the value at once, as this does.
  await page.evaluate((text) => {
    const box = document.querySelector('dialog textarea') as HTMLTextAreaElement;
    const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    set.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, csv);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Use these rows' }).click();
  await page
    .getByRole('dialog')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  const closed = Date.now() - t0;
  await page.waitForFunction(
    () => /computed in/.test(document.querySelector('p.status')?.textContent ?? ''),
    null,
    { timeout: 60_000 },
  );
  const computed = Date.now() - t0;
  await page.waitForTimeout(1000);
  const loadTasks = await page.evaluate(() =>
    (window as unknown as { longTasks: number[] }).longTasks.splice(0),
  );
  const field = page.getByLabel('B (batch size) (value)');
  await field.fill('16');
  await field.press('Enter');
  await page.waitForTimeout(1500);
  const changeTasks = await page.evaluate(() =>
    (window as unknown as { longTasks: number[] }).longTasks.splice(0),
  );
  const hashLength = (await page.evaluate(() => location.hash)).length;
  const round = (xs: number[]) =>
    xs
      .map((x) => Math.round(x))
      .sort((a, b) => b - a)
      .slice(0, 5);
  console.log(
    JSON.stringify({
      closedMs: closed,
      computedMs: computed,
      linkChars: hashLength,
      longTasksOnLoad: round(loadTasks),
      longTasksAfterBChange: round(changeTasks),
      errors,
    }),
  );
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
