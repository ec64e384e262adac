import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {} from '../../src/devtools.ts';
import { inspectRun } from '../../src/engine/inspect.ts';
import { sceneFromPreset } from '../../src/preset/index.ts';
import type { InspectGeometry } from '../../src/render/layers/inspect.ts';
import { axeViolations, labSession, openPage, type OpenPage } from './browser.ts';

const lab = labSession();

/** Presses Tab (or `key`) until the focused element matches `selector`; fails after `limit`. */
async function tabTo(page: Page, selector: string, key = 'Tab', limit = 250): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** The landscape pixel at CSS position (x, y), as [r, g, b]. */
const pixel = (page: Page, x: number, y: number) =>
  page.evaluate(
    ([x, y]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.plot')!;
      const k = canvas.width / canvas.clientWidth;
      const d = canvas
        .getContext('2d')!
        .getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!];
    },
    [x, y] as const,
  );

/**
 * Runs `journey` on the lab, ready, in a fresh context of `viewport`; then checks axe (WCAG 2.1
 * AA) and that the page logged no errors.
 */
async function onLab(
  viewport: { width: number; height: number },
  journey: (page: Page) => Promise<void>,
): Promise<void> {
  let open: OpenPage | undefined;
  try {
    open = await openPage(lab.browser, { viewport, reducedMotion: 'reduce' });
    const { page, errors } = open;
    await page.goto(lab.server.url);
    await page.waitForSelector('.app[data-state="ready"]');
    await journey(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await open?.context.close();
  }
}

describe('inside the optimizer', () => {
  it('by keyboard alone: inspect Adam, go to step 1, see the arrows, the rule and the numbers', () =>
    onLab({ width: 1280, height: 900 }, async (page) => {
      // Select Adam with its card's toggle, reached and pressed from the keyboard only.
      await tabTo(page, 'button.inspect-toggle[aria-label^="Inspect Adam"]');
      await page.keyboard.press('Space');
      await expect
        .poll(() =>
          page
            .locator('button.inspect-toggle[aria-label^="Inspect Adam"]')
            .getAttribute('aria-pressed'),
        )
        .toBe('true');
      await page.waitForSelector('.step-bar');
      // The page's playback keys scrub: Home to the start, → one step.
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      const why = page.locator('.inspect-why[data-step="1"]');
      await why.waitFor();
      expect(await why.textContent()).toMatch(/^Step 1 points \d+° away from −g\./);
      expect(await why.textContent()).toMatch(/sign\(g\)/);

      // The engine's own record of the same scene, computed here in Node.
      const scene = sceneFromPreset(await page.evaluate(() => window.descentLab!.preset()));
      const index = scene.optimizers.findIndex((o) => o.type === 'adam');
      const ins = inspectRun(scene, index);
      const cells = (term: string) =>
        page
          .locator(`.term-table tr[data-term="${term}"] td`)
          .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
      expect(await cells('grad')).toEqual([ins.gx[1], ins.gy[1]]);
      const mHat = ins.state.find((s) => s.field.key === 'm_hat')!.values;
      expect(await cells('m_hat')).toEqual([mHat[0]![1], mHat[1]![1]]);
      expect(await cells('step')).toEqual([ins.sx[1], ins.sy[1]]);
      const angle =
        (Math.acos(
          (-ins.gx[1]! * ins.sx[1]! - ins.gy[1]! * ins.sy[1]!) /
            (Math.hypot(ins.gx[1]!, ins.gy[1]!) * Math.hypot(ins.sx[1]!, ins.sy[1]!)),
        ) *
          180) /
        Math.PI;
      expect(await why.textContent()).toContain(`Step 1 points ${Math.round(angle)}°`);

      // The arrows: the layer's geometry, and the step arrow's colour on the canvas.
      await expect
        .poll(
          async () =>
            JSON.parse((await page.locator('canvas.plot').getAttribute('data-inspect')) || 'null')
              ?.step,
        )
        .toBe(1);
      const geometry = JSON.parse(
        (await page.locator('canvas.plot').getAttribute('data-inspect'))!,
      ) as InspectGeometry;
      expect(geometry.arrows.map((a) => a.kind)).toEqual(['gradient', 'direction', 'step']);
      const step = geometry.arrows.find((a) => a.kind === 'step')!;
      const mid = [0.5 * (step.from[0] + step.to[0]), 0.5 * (step.from[1] + step.to[1])] as const;
      const [r = 0, g = 0, b = 0] = await pixel(page, mid[0], mid[1]);
      // #d55e00, the step arrow's colour.
      expect(Math.abs(r - 0xd5) + Math.abs(g - 0x5e) + Math.abs(b - 0x00)).toBeLessThan(60);
      expect(geometry.glyph).not.toBeNull();

      // The update rule, typeset by KaTeX with the hyperparameters filled in.
      const tex = page.locator('.update-rule .katex annotation');
      await tex.waitFor({ state: 'attached' });
      expect(await tex.textContent()).toContain('\\hat m_t');
      expect(await tex.textContent()).toContain('10^{-8}');

      // Step by step with the inspector's own button, from the keyboard.
      // The inspector sits before the controls: back up to its "Next step" button.
      await tabTo(page, '.step-bar .step-next', 'Shift+Tab');
      await page.keyboard.press('Enter');
      await page.locator('.inspect-why[data-step="2"]').waitFor();
      expect(await cells('step')).toEqual([ins.sx[2], ins.sy[2]]);
    }));

  it('a legend entry selects the run it names, on a phone', () =>
    onLab({ width: 390, height: 844 }, async (page) => {
      await page.locator('.legend-pick', { hasText: 'Momentum' }).click();
      await expect
        .poll(() => page.locator('.inspector h2').textContent())
        .toMatch(/Inside Momentum/);
      await page.locator('.term-table').waitFor();
      expect(await page.locator('.term-table tr[data-term="momentum_buffer"]').count()).toBe(1);
    }));
});
