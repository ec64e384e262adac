import { makeFrame, plotHeight, type Frame, type Theme } from '../frame.ts';
import { KEY_HEIGHT, type ColourKey } from './colourKey.ts';
import type { LegendEntry } from './legend.ts';
import { escape, keySvg, n, plotSvg } from './svg.ts';

/** What a figure for a slide or a paper says, and on what. */
export interface FigureOptions {
  /** Above the landscape; none when empty. */
  readonly title: string;
  /** Under it, wrapped to at most CAPTION_LINES lines; none when empty. */
  readonly caption: string;
  readonly background: 'white' | 'transparent';
}

/**
 * A figure is laid out in a 640 × 360 box of CSS pixels and drawn twice that size: a 1280 × 720
 * slide, on which the smallest text (the colour key's labels, 11 px here) is 22 px high.
 */
export const FIGURE = { width: 640, height: 360, zoom: 2 } as const;
/** Image pixels per slide pixel in a figure's PNG: sharp on a 4K projector or a retina laptop. */
const PNG_DENSITY = 2;

/** Print-like colours: a figure goes on a white or transparent page, whatever the screen's scheme. */
const INK = { text: '#1b1b1f', axis: '#55555f', muted: '#4a4a55' } as const;
const PAD = 12;
const TITLE_SIZE = 17;
const CAPTION_SIZE = 11.5;
const CAPTION_LINE = 15;
export const CAPTION_LINES = 3;
/** Legend rows: the label, then the outcome in smaller type. */
const LABEL_SIZE = 13;
const RESULT_SIZE = 11;
const ROW = 36;
/** The landscape's frame may not be wider than this: the legend needs the rest. */
const MAX_PLOT = 400;

/**
 * Lines of `text` at `size` px that fit `width` px, at most `max` (the last cut with "…"). Widths
 * are estimated at 0.55 em a character, generous for the sans-serif faces the page uses.
 */
export function wrapText(text: string, size: number, width: number, max: number): string[] {
  const perLine = Math.max(8, Math.floor(width / (0.55 * size)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) line = next;
    else {
      if (line) lines.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const last = lines[max - 1]!;
  return [...lines.slice(0, max - 1), `${last.slice(0, perLine - 1).trimEnd()}…`];
}

/** The widest frame of `view` whose height fits `height` (plotHeight is monotone in the width). */
function frameWidth(frame: Frame, height: number): number {
  let lo = 120;
  let hi = MAX_PLOT;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (plotHeight(mid, frame.view) <= height) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The legend in a column at `left`, `rows` rows high at most: a line of each run's colour, its
 * label, its outcome; runs past the last row are counted in it instead.
 */
function legendColumn(
  legend: readonly LegendEntry[],
  left: number,
  top: number,
  width: number,
  rows: number,
) {
  const shown = legend.length <= rows ? legend : legend.slice(0, Math.max(0, rows - 1));
  const more = legend.length - shown.length;
  const rest = more
    ? [
        `<text x="${n(left + 30)}" y="${n(top + shown.length * ROW + 8)}" dominant-baseline="middle" font-size="${RESULT_SIZE}" fill="${INK.muted}">and ${more} more</text>`,
      ]
    : [];
  return [...shown.map((entry, i) => legendRow(entry, left, top + i * ROW, width)), ...rest];
}

/** One legend row with its top at `y`. */
function legendRow(entry: LegendEntry, left: number, y: number, width: number): string {
  const label = wrapText(entry.label, LABEL_SIZE, width - 30, 1)[0] ?? '';
  const result = wrapText(entry.result, RESULT_SIZE, width - 30, 1)[0] ?? '';
  return (
    `<line x1="${n(left)}" x2="${n(left + 22)}" y1="${n(y + 8)}" y2="${n(y + 8)}" stroke="${escape(entry.color)}" stroke-width="3"/>` +
    `<text x="${n(left + 30)}" y="${n(y + 8)}" dominant-baseline="middle" font-size="${LABEL_SIZE}" fill="${INK.text}">${escape(label)}</text>` +
    `<text x="${n(left + 30)}" y="${n(y + 24)}" dominant-baseline="middle" font-size="${RESULT_SIZE}" fill="${INK.muted}">${escape(result)}</text>`
  );
}

/**
 * The landscape of `frame` as a figure for a 1280 × 720 slide or a paper: a title, the landscape
 * redrawn at the figure's size (so its ticks and labels grow with it instead of shrinking), the
 * legend and the colour key beside it, a caption underneath, on white or on nothing.
 */
export function figureSvg(
  frame: Frame,
  legend: readonly LegendEntry[],
  key: ColourKey | null,
  options: FigureOptions,
): string {
  const { width, height, zoom } = FIGURE;
  const title = wrapText(options.title, TITLE_SIZE, width - 2 * PAD, 1)[0];
  const caption = wrapText(options.caption, CAPTION_SIZE, width - 2 * PAD, CAPTION_LINES);
  const top = title ? PAD + TITLE_SIZE + 8 : PAD;
  const bottom = height - PAD - caption.length * CAPTION_LINE - (caption.length ? 4 : 0);
  const theme: Theme = { ...frame.theme, text: INK.text, axis: INK.axis };
  const plotWidth = frameWidth(frame, bottom - top);
  const plot = makeFrame(
    plotWidth,
    plotHeight(plotWidth, frame.view),
    frame.view,
    frame.content,
    theme,
  );
  const column = plotWidth + 16;
  const columnWidth = width - column - PAD;
  const rows = Math.max(1, Math.floor((bottom - top - 4) / ROW));
  const keyTop = top + Math.min(legend.length, rows) * ROW + 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width * zoom}" height="${height * zoom}" viewBox="0 0 ${width} ${height}" font-family="${escape(theme.font)}">`,
    options.background === 'white' ? `<rect width="${width}" height="${height}" fill="#fff"/>` : '',
    title
      ? `<text x="${PAD}" y="${PAD + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${INK.text}">${escape(title)}</text>`
      : '',
    `<g transform="translate(0 ${top})">`,
    plotSvg(plot, zoom * PNG_DENSITY),
    `</g>`,
    ...legendColumn(legend, column, top + 4, columnWidth, rows),
    // The key draws its name and bar from x = 16 of a box `width` wide: moved into the column.
    key && keyTop + KEY_HEIGHT <= bottom
      ? `<g transform="translate(${n(column - PAD)} 0)">${keySvg(key, keyTop, columnWidth, INK.text)}</g>`
      : '',
    ...caption.map(
      (line, i) =>
        `<text x="${PAD}" y="${n(bottom + 4 + (i + 1) * CAPTION_LINE - 3)}" font-size="${CAPTION_SIZE}" fill="${INK.text}">${escape(line)}</text>`,
    ),
    `</svg>`,
  ].join('\n');
}

/** The figure as a 2560 × 1440 PNG (a 1280 × 720 slide, at 2×), rasterised by the browser from its SVG. */
export async function figurePng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = FIGURE.width * FIGURE.zoom * PNG_DENSITY;
    canvas.height = FIGURE.height * FIGURE.zoom * PNG_DENSITY;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on a 2D canvas');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
