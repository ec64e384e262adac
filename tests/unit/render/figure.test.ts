import { describe, expect, it } from 'vitest';
import {
  CAPTION_LINES,
  FIGURE,
  figureSvg,
  wrapText,
  type FigureOptions,
} from '../../../src/render/export/figure.ts';
import type { ColourKey } from '../../../src/render/export/colourKey.ts';
import { landscapeSvg } from '../../../src/render/export/svg.ts';
import type { LegendEntry } from '../../../src/render/export/legend.ts';
import { frameOf, raceScene, runSetOf } from '../support/scene.ts';

const scene = raceScene();
const frame = frameOf(scene, { runs: runSetOf(scene) });
const legend: LegendEntry[] = scene.optimizers.map((o) => ({
  color: o.color,
  label: o.label,
  result: 'final loss 0.1234',
}));
const key: ColourKey = {
  name: 'f',
  colours: ['#fde725', '#21918c', '#440154'],
  ticks: [
    { text: '0.01', at: 0 },
    { text: '1', at: 50 },
    { text: '100', at: 100 },
  ],
};
const options: FigureOptions = {
  title: 'Rosenbrock: <SGD> & Adam',
  caption: 'A caption.',
  background: 'white',
};

/** Every text element: its position, size and content (entities decoded). */
function texts(svg: string) {
  return [
    ...svg.matchAll(/<text x="([^"]+)" y="([^"]+)"[^>]*font-size="([^"]+)"[^>]*>([^<]*)<\/text>/g),
  ].map(([, x, y, size, content]) => ({
    x: Number(x),
    y: Number(y),
    size: Number(size),
    content: content!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))),
  }));
}

describe('figures for slides and papers', () => {
  it('is a 1280 × 720 picture laid out at half that size, so every text is at least 22 px high', () => {
    const svg = figureSvg(frame, legend, key, options);
    expect(svg).toContain(`width="1280" height="720" viewBox="0 0 640 360"`);
    const all = texts(svg);
    // Tick labels, axis names, legend, key, title, caption.
    expect(all.length).toBeGreaterThan(15);
    for (const t of all) expect(t.size * FIGURE.zoom, t.content).toBeGreaterThanOrEqual(22);
  });

  it('says the title, each run and the caption, escaped, inside the picture', () => {
    const svg = figureSvg(frame, legend, key, options);
    const contents = texts(svg).map((t) => t.content);
    expect(contents).toContain('Rosenbrock: <SGD> & Adam');
    expect(svg).not.toContain('<SGD>');
    for (const o of scene.optimizers) expect(contents).toContain(o.label);
    expect(contents).toContain('A caption.');
    for (const key of ['0.01', '1', '100']) expect(contents).toContain(key);
    // Texts at the legend's and caption's anchors sit in the 640 × 360 box (the plot's ticks are
    // placed in a group moved down by the title, and checked by the axes' own tests).
    for (const t of texts(svg)) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(640);
    }
    const caption = texts(svg).find((t) => t.content === 'A caption.')!;
    expect(caption.y).toBeLessThanOrEqual(360 - 8);
  });

  it('draws on white, or on nothing', () => {
    const white = figureSvg(frame, legend, key, options);
    const clear = figureSvg(frame, legend, key, { ...options, background: 'transparent' });
    expect(white).toContain('<rect width="640" height="360" fill="#fff"/>');
    expect(clear).not.toMatch(/<rect width="640" height="360"/);
  });

  it('on a network’s plane, names the key by the loss drawn and the axes as the page does', () => {
    const plane = {
      axes: ['PC1 (72% of variance)', 'PC2 (22% of variance)'],
      field: 'test loss',
      start: null,
    } as const;
    const named = { ...key, name: plane.field };
    for (const svg of [
      figureSvg(frameOf(scene, { runs: runSetOf(scene), plane }), legend, named, options),
      landscapeSvg(frameOf(scene, { runs: runSetOf(scene), plane }), legend, '#fff', named),
    ]) {
      const all = texts(svg);
      const contents = all.map((t) => t.content);
      expect(contents).toEqual(expect.arrayContaining(['test loss', ...plane.axes]));
      // Not the function's names: no "f" before the key, no "x" and "y" on the axes.
      for (const name of ['f', 'x', 'y']) expect(contents).not.toContain(name);
      // The name is upright (it is words, not a variable), and the bar starts after it.
      const name = svg.match(/<text [^>]*>test loss<\/text>/)![0];
      expect(name).not.toContain('italic');
      const bar = Number(svg.match(/<g class="colour-key">\n<text[^\n]*\n<rect x="([^"]+)"/)![1]);
      const at = all.find((t) => t.content === 'test loss')!;
      expect(bar).toBeGreaterThan(at.x + 0.55 * at.size * 'test loss'.length);
    }
  });

  it('leaves out an empty title and caption, and gives their room to the landscape', () => {
    const bare = figureSvg(frame, legend, key, { ...options, title: '', caption: '' });
    const full = figureSvg(frame, legend, key, options);
    expect(texts(bare).map((t) => t.content)).not.toContain('A caption.');
    const plotWidth = (svg: string) =>
      Number(/<clipPath id="plot"><rect x="[^"]+" y="[^"]+" width="([^"]+)"/.exec(svg)![1]);
    expect(plotWidth(bare)).toBeGreaterThan(plotWidth(full));
  });

  it('counts the runs its legend has no room for', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...legend[0]!, label: `Run ${i + 1}` }));
    const svg = figureSvg(frame, many, key, options);
    const contents = texts(svg).map((t) => t.content);
    const more = contents.find((c) => /^and \d+ more$/.test(c));
    expect(more).toBeDefined();
    const shown = contents.filter((c) => /^Run \d+$/.test(c)).length;
    expect(shown + Number(/\d+/.exec(more!)![0])).toBe(20);
    for (const t of texts(svg)) expect(t.y).toBeLessThanOrEqual(360);
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries within the width, and cuts the last allowed line with …', () => {
    const words = 'lorem ipsum dolor sit amet '.repeat(40).trim();
    const lines = wrapText(words, 10, 200, CAPTION_LINES);
    expect(lines).toHaveLength(CAPTION_LINES);
    const perLine = Math.floor(200 / 5.5);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(perLine);
    expect(lines.at(-1)!.endsWith('…')).toBe(true);
    expect(wrapText('short text', 10, 200, 3)).toEqual(['short text']);
    expect(wrapText('   ', 10, 200, 3)).toEqual([]);
  });

  it('cuts a word longer than a line', () => {
    const [line] = wrapText('x'.repeat(100), 10, 100, 1);
    expect(line!.length).toBeLessThanOrEqual(Math.floor(100 / 5.5));
    expect(line!.endsWith('…')).toBe(true);
  });
});
