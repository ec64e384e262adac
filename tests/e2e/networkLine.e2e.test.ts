import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { lineBarrier } from '../../src/engine/network/barrier.ts';
import { compactNumber } from '../../src/render/chart/format.ts';
import { lineSentence } from '../../src/ui/network/lineText.ts';
import { axeViolations, labSession, pagePerTest } from './browser.ts';
import { linkTo } from './sameNumbers.ts';
import {
  cliLineText as cliText,
  spiralHash as hash,
  spiralPreset as preset,
  spiralScene,
} from './spiral.ts';

const lab = labSession();
let page: Page;

pagePerTest(lab, { viewport: { width: 1280, height: 900 } }, async (o) => {
  page = o.page;
});

const labels = spiralScene.optimizers.map((o) => o.label);

interface Line {
  t: number[];
  train_loss: number[];
  test_loss: number[];
}

const cliLine = async (from: number, to: number) => JSON.parse(await cliText(from, to)) as Line;

/** The sentence the page should write for the command line's line. */
const sentenceOf = (line: Line, from: number, to: number) =>
  lineSentence(
    labels[from]!,
    labels[to]!,
    lineBarrier(line.t, line.train_loss),
    lineBarrier(line.t, line.test_loss),
  );

describe('Between two ends: the line between two runs’ final parameters', () => {
  it('draws the command line’s losses, and follows the runs the reader picks', async () => {
    await page.goto(`${lab.server.url}${hash}`);
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/^Network \[2, 8, 8, 1\] tanh on Spiral · 3 optimizers · 500 steps · computed in/);
    await page.locator('.view-switch button', { hasText: 'Between two ends' }).click();

    const sentence = () => page.textContent('p.line-sentence');
    const sgdAdam = await cliLine(0, 1);
    await expect.poll(sentence, { timeout: 30_000 }).toBe(sentenceOf(sgdAdam, 0, 1));
    expect(await sentence()).toMatch(/The training loss has a barrier of /);
    expect(await page.getByRole('img', { name: sentenceOf(sgdAdam, 0, 1) }).count()).toBe(1);
    // 81 samples: one move and 80 lines, for each loss; the ends in their runs' colours.
    const d = await page.locator('path.line-train').getAttribute('d');
    expect(d!.match(/L/g)).toHaveLength(80);
    expect(await page.locator('path.line-test').getAttribute('stroke-dasharray')).toBe('4 3');
    expect(await page.locator('text.line-end-label').allTextContents()).toEqual(['SGD', 'Adam']);
    // The barrier's peak is ringed where the training curve passes.
    const peak = lineBarrier(sgdAdam.t, sgdAdam.train_loss)!;
    const ring = page.locator('circle.line-peak');
    expect(await ring.count()).toBe(1);
    const ringX = Number(await ring.getAttribute('cx'));
    const endX = await page
      .locator('circle.line-end-dot')
      .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('cx'))));
    // The ends' dots sit at t = 0 and 1: the ring at t = peakT between them, on that scale.
    expect(ringX).toBeCloseTo(endX[0]! + peak.peakT * (endX[1]! - endX[0]!), 6);

    // The hovered sample's readout is the command line's number there (t = 0.5: sample 40).
    // hover() scrolls the chart into view first; the plot spans the SVG but its margins (52, 14).
    const chart = page.locator('.line-chart svg');
    const svg = (await chart.boundingBox())!;
    const [left, right] = [52, 14];
    await chart.hover({
      position: { x: left + (svg.width - left - right) / 2, y: svg.height / 2 },
    });
    await expect
      .poll(() => page.textContent('p.line-readout'))
      .toBe(
        `t = 0.5: training loss ${compactNumber(sgdAdam.train_loss[40]!)}, ` +
          `test loss ${compactNumber(sgdAdam.test_loss[40]!)}`,
      );

    // Another pair: the curve and the sentence follow.
    await page.getByLabel('Line to', { exact: true }).selectOption({ label: 'Adam → SGD' });
    const sgdSwitch = await cliLine(0, 2);
    await expect.poll(sentence, { timeout: 30_000 }).toBe(sentenceOf(sgdSwitch, 0, 2));
    await page.getByLabel('Line from', { exact: true }).selectOption({ label: 'Adam' });
    const adamSwitch = await cliLine(1, 2);
    await expect.poll(sentence, { timeout: 30_000 }).toBe(sentenceOf(adamSwitch, 1, 2));
    expect(await sentence()).toMatch(/No training barrier: the training loss never rises/);
    expect(await page.locator('text.line-end-label').allTextContents()).toEqual([
      'Adam',
      'Adam → SGD',
    ]);
    expect(await page.locator('circle.line-peak').count()).toBe(0);

    // Line as JSON saves the command line's text, character for character.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Line as JSON' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('descent-lab-line-1-2.json');
    expect(readFileSync((await file.path())!, 'utf8')).toBe(await cliText(1, 2));

    expect(await axeViolations(page)).toEqual([]);
  });

  it('says why there is no line when fewer than two runs reached an end', async () => {
    const one = { ...preset, optimizers: (preset['optimizers'] as unknown[]).slice(0, 1) };
    await page.goto(`${lab.server.url}${linkTo(one)}`);
    await expect
      .poll(() => page.textContent('p.status'), { timeout: 60_000 })
      .toMatch(/computed in/);
    await page.locator('.view-switch button', { hasText: 'Between two ends' }).click();
    await expect
      .poll(() => page.locator('.view-line').textContent())
      .toContain('The line needs two runs that reached an end: this scene has one');
    expect(await page.locator('.view-line select').count()).toBe(0);
  });
});
