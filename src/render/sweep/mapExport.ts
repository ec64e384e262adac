import type { Metric } from '../../engine/sweep/types.ts';
import type { ChartTheme } from '../chart/axes.ts';
import type { YScale } from '../chart/scale.ts';
import type { SweepProgress } from '../../workers/sweepClient.ts';
import { plotTicks, sweepPlot } from './axes.ts';
import { createSweepMap } from './map.ts';
import { rampColours } from './mapColour.ts';
import { mapGeometry } from './mapGeometry.ts';
import { drawMapKey, keyLayout, MAP_KEY_HEIGHT, type MapKeyModel } from './mapKey.ts';
import { mapRaster, rasterSize } from './mapRaster.ts';
import { axisScale } from './scales.ts';

/** What an export of the map draws: the finished sweep and how the page shows it. */
export interface MapExport {
  readonly progress: SweepProgress;
  readonly metric: Metric;
  readonly scale: YScale;
  readonly levels: number;
  readonly names: { readonly x: string; readonly y: string };
  readonly marker: readonly [number, number] | null;
  readonly key: MapKeyModel;
  readonly theme: ChartTheme;
  readonly background: string;
}

/** The exported picture's size in CSS pixels (the PNG has twice as many device pixels). */
export const EXPORT_WIDTH = 640;
const EXPORT_HEIGHT = 460;
const PNG_SCALE = 2;

/** The map as a PNG: the same drawing as on screen, without hover or focus, on a background. */
export function mapPng(input: MapExport): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = EXPORT_WIDTH * PNG_SCALE;
  canvas.height = (EXPORT_HEIGHT + MAP_KEY_HEIGHT) * PNG_SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw on a 2D canvas'));
  ctx.setTransform(PNG_SCALE, 0, 0, PNG_SCALE, 0, 0);
  ctx.fillStyle = input.background;
  ctx.fillRect(0, 0, EXPORT_WIDTH, EXPORT_HEIGHT + MAP_KEY_HEIGHT);
  const g = createSweepMap().draw(ctx, {
    ...input,
    width: EXPORT_WIDTH,
    height: EXPORT_HEIGHT,
    focus: null,
    hover: null,
  });
  drawMapKey(ctx, input.key, EXPORT_HEIGHT, g.plot.left, EXPORT_WIDTH, input.theme);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}

/** Numbers in SVG: two decimals of a CSS pixel are finer than any screen. */
const n = (v: number): string => String(Math.round(v * 100) / 100);
const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The map as SVG: one rectangle per run of equal cells in a row (so a coarse block or a flat
 * region is one shape), the frame, ticks and names, the scene's setting and the colour key.
 */
export function mapSvg(input: MapExport): string {
  const { progress, theme } = input;
  const width = EXPORT_WIDTH;
  const total = EXPORT_HEIGHT + MAP_KEY_HEIGHT;
  const plot = sweepPlot(width, EXPORT_HEIGHT);
  const g = mapGeometry(plot, progress.plan.axes);
  const text = escape(theme.text);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escape(theme.font)}">`,
    `<rect width="${width}" height="${total}" fill="${escape(input.background)}"/>`,
    cellRects(input, g),
    `<rect x="${plot.left + 0.5}" y="${plot.top + 0.5}" width="${plot.width - 1}" height="${plot.height - 1}" fill="none" stroke="${escape(theme.axis)}"/>`,
  ];
  const [ax, ay] = progress.plan.axes;
  const ticks = plotTicks(plot, axisScale(ax!, true), axisScale(ay!, true));
  const bottom = plot.top + plot.height;
  for (const { text: label, at } of ticks.x) {
    out.push(
      `<line x1="${n(at)}" x2="${n(at)}" y1="${bottom}" y2="${bottom + 5}" stroke="${escape(theme.axis)}"/>`,
      `<text x="${n(at)}" y="${bottom + 18}" text-anchor="middle" font-size="11" fill="${text}">${escape(label)}</text>`,
    );
  }
  for (const { text: label, at } of ticks.y) {
    out.push(
      `<line x1="${plot.left - 5}" x2="${plot.left}" y1="${n(at)}" y2="${n(at)}" stroke="${escape(theme.axis)}"/>`,
      `<text x="${plot.left - 8}" y="${n(at)}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="${text}">${escape(label)}</text>`,
    );
  }
  out.push(
    `<text x="${n(plot.left + plot.width / 2)}" y="${bottom + 36}" text-anchor="middle" font-size="12" font-style="italic" fill="${text}">${escape(input.names.x)}</text>`,
    `<text transform="translate(10 ${n(plot.top + plot.height / 2)}) rotate(-90)" text-anchor="middle" dominant-baseline="middle" font-size="12" font-style="italic" fill="${text}">${escape(input.names.y)}</text>`,
  );
  if (input.marker) {
    const x = g.x(input.marker[0]);
    const y = g.y(input.marker[1]);
    if (x >= plot.left && x <= plot.left + plot.width && y >= plot.top && y <= bottom) {
      out.push(
        `<circle cx="${n(x)}" cy="${n(y)}" r="7" fill="none" stroke="${escape(theme.surface)}" stroke-width="4"/>`,
        `<circle cx="${n(x)}" cy="${n(y)}" r="7" fill="none" stroke="${text}" stroke-width="2"/>`,
      );
    }
  }
  out.push(keySvg(input.key, EXPORT_HEIGHT, plot.left, width, theme), '</svg>');
  return out.join('\n');
}

/** The cells as rectangles, from the same raster the screen draws. */
function cellRects(input: MapExport, g: ReturnType<typeof mapGeometry>): string {
  const { nx, ny } = rasterSize(input.progress);
  const bytes = mapRaster(input.progress, input.metric, input.scale, input.levels);
  const cw = g.plot.width / nx;
  const ch = g.plot.height / ny;
  const rects: string[] = [];
  for (let row = 0; row < ny; row++) {
    let start = 0;
    for (let x = 1; x <= nx; x++) {
      const a = (row * nx + start) * 4;
      const b = (row * nx + x) * 4;
      const same =
        x < nx &&
        bytes[a] === bytes[b] &&
        bytes[a + 1] === bytes[b + 1] &&
        bytes[a + 2] === bytes[b + 2] &&
        bytes[a + 3] === bytes[b + 3];
      if (same) continue;
      if (bytes[a + 3]! > 0) {
        rects.push(
          `<rect x="${n(g.plot.left + start * cw)}" y="${n(g.plot.top + row * ch)}" width="${n((x - start) * cw)}" height="${n(ch)}" fill="rgb(${bytes[a]},${bytes[a + 1]},${bytes[a + 2]})"/>`,
        );
      }
      start = x;
    }
  }
  // Cells meet without hairline seams when edges are not anti-aliased.
  return `<g shape-rendering="crispEdges">${rects.join('')}</g>`;
}

/** The colour key: its title, a gradient bar with ticks, the reserved colours. */
function keySvg(
  key: MapKeyModel,
  top: number,
  left: number,
  width: number,
  theme: ChartTheme,
): string {
  const { bar, title, swatches } = keyLayout(top, left, width);
  const text = escape(theme.text);
  const colours = rampColours(9);
  const stops = colours
    .map((c, k) => `<stop offset="${n((100 * k) / (colours.length - 1))}%" stop-color="${c}"/>`)
    .join('');
  const out = [
    `<defs><linearGradient id="ramp">${stops}</linearGradient></defs>`,
    `<text x="${title.x}" y="${title.y}" dominant-baseline="middle" font-size="12" font-style="italic" fill="${text}">${escape(key.title)}</text>`,
    `<rect x="${bar.left}" y="${bar.top}" width="${n(bar.width)}" height="${bar.height}" fill="url(#ramp)"/>`,
    ...key.ticks.map(
      ({ text: label, at }) =>
        `<text x="${n(bar.left + at * bar.width)}" y="${bar.top + bar.height + 3}" dominant-baseline="hanging" text-anchor="middle" font-size="11" fill="${text}">${escape(label)}</text>`,
    ),
  ];
  let x = swatches.x;
  for (const { label, colour } of key.swatches) {
    out.push(
      `<rect x="${x}" y="${swatches.y - 6}" width="12" height="12" fill="${escape(colour)}"/>`,
      `<text x="${x + 16}" y="${swatches.y}" dominant-baseline="middle" font-size="11" fill="${text}">${escape(label)}</text>`,
    );
    // About 6 px per character of 11 px text.
    x += 16 + label.length * 6 + 14;
  }
  return `<g class="colour-key">${out.join('')}</g>`;
}
