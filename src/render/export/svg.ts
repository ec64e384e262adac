import { contourFill } from '../layers/contourFill.ts';
import { lastShown } from '../layers/paths.ts';
import type { Frame } from '../frame.ts';
import { tickLabel, ticks } from '../ticks.ts';
import {
  italicName,
  KEY_HEIGHT,
  keyBar,
  NAME_LEFT,
  NAME_SIZE,
  type ColourKey,
} from './colourKey.ts';
import type { LegendEntry } from './legend.ts';

const ROW = 22;
const PAD = 12;

/** Numbers in SVG: two decimals of a CSS pixel are finer than any screen. */
export const n = (v: number): string => String(Math.round(v * 100) / 100);

export const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The landscape as SVG: contour lines, paths, markers and axes as vectors over the filled bands
 * (an embedded image, as on screen), with the legend and the colour key underneath. Draws what `frame` shows.
 */
export function landscapeSvg(
  frame: Frame,
  legend: readonly LegendEntry[],
  background: string,
  key: ColourKey | null = null,
): string {
  const { width, height, theme } = frame;
  const legendHeight = legend.length ? PAD * 2 + legend.length * ROW : 0;
  const total = height + legendHeight + (key ? KEY_HEIGHT : 0);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}" font-family="${escape(theme.font)}">`,
    `<rect width="${width}" height="${total}" fill="${escape(background)}"/>`,
    plotSvg(frame),
    legendRows(legend, height, theme.text),
    key ? keySvg(key, height + legendHeight, width, theme.text) : '',
    `</svg>`,
  ].join('\n');
}

/**
 * What `frame` shows as SVG elements in its own CSS pixels: the filled bands (an image rendered at
 * `dpr` image pixels per CSS pixel), contour lines and paths clipped to the plot, minima and axes.
 */
export function plotSvg(frame: Frame, dpr = 2): string {
  const { plot } = frame;
  const clip = `<clipPath id="plot"><rect x="${plot.left}" y="${plot.top}" width="${plot.width}" height="${plot.height}"/></clipPath>`;
  return [
    `<defs>${clip}</defs>`,
    fillImage(frame, dpr),
    `<g clip-path="url(#plot)">`,
    contourLines(frame),
    paths(frame),
    `</g>`,
    minima(frame),
    axes(frame),
  ].join('\n');
}

/** The filled bands, drawn by the landscape's own layer and embedded as a PNG. */
function fillImage(frame: Frame, dpr: number): string {
  if (!frame.content.field) return '';
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(frame.width * dpr);
  canvas.height = Math.round(frame.height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  contourFill(ctx, frame);
  return `<image width="${frame.width}" height="${frame.height}" href="${canvas.toDataURL('image/png')}"/>`;
}

function contourLines(frame: Frame): string {
  const field = frame.content.field;
  if (!field) return '';
  const { scale } = frame;
  const { n: size, view } = field;
  const e = scale.x(view.x[0]);
  const f = scale.y(view.y[0]);
  const a = (scale.x(view.x[1]) - e) / size;
  const d = (scale.y(view.y[1]) - f) / size;
  const parts: string[] = [];
  for (const seg of field.lines) {
    for (let k = 0; k < seg.length; k += 4) {
      parts.push(
        `M${n(a * seg[k]! + e)} ${n(d * seg[k + 1]! + f)}L${n(a * seg[k + 2]! + e)} ${n(d * seg[k + 3]! + f)}`,
      );
    }
  }
  return `<path d="${parts.join('')}" fill="none" stroke="rgb(30,30,60)" stroke-opacity="0.3" stroke-width="0.75"/>`;
}

/** Each visible run through the cursor (dropping points within a quarter pixel), and its end. */
function paths(frame: Frame): string {
  const { runs: set, hidden, cursor, scene } = frame.content;
  const { scale } = frame;
  const out: string[] = [];
  set?.runs.forEach((run, k) => {
    if (hidden[k] || run.length === 0) return;
    const color = escape(set.scene.optimizers[k]!.color);
    const last = lastShown(run, cursor);
    let px = scale.x(run.x[0]!);
    let py = scale.y(run.y[0]!);
    const points = [`${n(px)},${n(py)}`];
    for (let i = 1; i <= last; i++) {
      const x = scale.x(run.x[i]!);
      const y = scale.y(run.y[i]!);
      if (Math.abs(x - px) < 0.25 && Math.abs(y - py) < 0.25 && i < last) continue;
      points.push(`${n(x)},${n(y)}`);
      px = x;
      py = y;
    }
    out.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
    const diverged = run.divergedAt !== null && cursor >= run.divergedAt;
    out.push(
      diverged
        ? `<path d="M${n(px - 5)} ${n(py - 5)}L${n(px + 5)} ${n(py + 5)}M${n(px - 5)} ${n(py + 5)}L${n(px + 5)} ${n(py - 5)}" stroke="${color}" stroke-width="2.5"/>`
        : `<circle cx="${n(px)}" cy="${n(py)}" r="4.5" fill="${color}" stroke="#fff" stroke-width="1.5"/>`,
    );
  });
  const [sx, sy] = scene.start;
  out.push(
    `<circle cx="${n(scale.x(sx))}" cy="${n(scale.y(sy))}" r="6" fill="#fff" stroke="#1b1b1f" stroke-width="2"/>`,
  );
  return out.join('\n');
}

function minima(frame: Frame): string {
  const { scale, view } = frame;
  return frame.content.minima
    .filter(([x, y]) => x >= view.x[0] && x <= view.x[1] && y >= view.y[0] && y <= view.y[1])
    .map(([x, y]) => {
      const cx = scale.x(x);
      const cy = scale.y(y);
      const points = Array.from({ length: 10 }, (_, k) => {
        const r = k % 2 === 0 ? 8 : 3.6;
        const angle = -Math.PI / 2 + (k * Math.PI) / 5;
        return `${n(cx + r * Math.cos(angle))},${n(cy + r * Math.sin(angle))}`;
      });
      return `<polygon points="${points.join(' ')}" fill="#1b1b1f" stroke="#fff" stroke-width="1.5"/>`;
    })
    .join('\n');
}

function axes(frame: Frame): string {
  const { plot, scale, view, theme } = frame;
  const bottom = plot.top + plot.height;
  const out = [
    `<rect x="${plot.left + 0.5}" y="${plot.top + 0.5}" width="${plot.width - 1}" height="${plot.height - 1}" fill="none" stroke="${escape(theme.axis)}"/>`,
  ];
  const text = escape(theme.text);
  for (const x of ticks(view.x[0], view.x[1], Math.max(2, Math.floor(plot.width / 80)))) {
    const px = n(Math.round(scale.x(x)) + 0.5);
    out.push(
      `<line x1="${px}" x2="${px}" y1="${bottom}" y2="${bottom + 5}" stroke="${escape(theme.axis)}"/>`,
      `<text x="${px}" y="${bottom + 19}" text-anchor="middle" font-size="12" fill="${text}">${escape(tickLabel(x))}</text>`,
    );
  }
  for (const y of ticks(view.y[0], view.y[1], Math.max(2, Math.floor(plot.height / 60)))) {
    const py = n(Math.round(scale.y(y)) + 0.5);
    out.push(
      `<line x1="${plot.left - 5}" x2="${plot.left}" y1="${py}" y2="${py}" stroke="${escape(theme.axis)}"/>`,
      `<text x="${plot.left - 9}" y="${py}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="${text}">${escape(tickLabel(y))}</text>`,
    );
  }
  // As the axes layer draws them: a network plane's axis names, the second up the left edge.
  const names = frame.content.plane?.axes;
  const middle = n(plot.top + plot.height / 2);
  out.push(
    names
      ? `<text x="${n(plot.left + plot.width / 2)}" y="${frame.height - 4}" text-anchor="middle" font-size="13" fill="${text}">${escape(names[0])}</text>` +
          `<text x="0" y="0" transform="translate(9 ${middle}) rotate(-90)" text-anchor="middle" dominant-baseline="middle" font-size="13" fill="${text}">${escape(names[1])}</text>`
      : `<text x="${n(plot.left + plot.width / 2)}" y="${frame.height - 4}" text-anchor="middle" font-size="15" font-style="italic" fill="${text}">x</text>` +
          `<text x="4" y="${middle}" dominant-baseline="middle" font-size="15" font-style="italic" fill="${text}">y</text>`,
  );
  return out.join('\n');
}

export function legendRows(legend: readonly LegendEntry[], top: number, color: string): string {
  return legend
    .map((entry, i) => {
      const y = n(top + PAD + i * ROW + ROW / 2);
      return (
        `<line x1="${PAD + 40}" x2="${PAD + 64}" y1="${y}" y2="${y}" stroke="${escape(entry.color)}" stroke-width="3"/>` +
        `<text x="${PAD + 74}" y="${y}" dominant-baseline="middle" font-size="13" fill="${escape(color)}">${escape(`${entry.label} — ${entry.result}`)}</text>`
      );
    })
    .join('\n');
}

/** The colour key: its name ("f", "training loss"), a bar of the band colours, labels underneath. */
export function keySvg(key: ColourKey, top: number, width: number, color: string): string {
  const bar = keyBar(top, width, key.name);
  const share = bar.width / key.colours.length;
  const bands = key.colours.map(
    (colour, b) =>
      `<rect x="${n(bar.left + b * share)}" y="${n(bar.top)}" width="${n(share + 0.5)}" height="${bar.height}" fill="${escape(colour)}"/>`,
  );
  const labels = key.ticks.map(({ text, at }, i) => {
    const anchor = i === 0 ? 'start' : i === key.ticks.length - 1 ? 'end' : 'middle';
    return `<text x="${n(bar.left + (bar.width * at) / 100)}" y="${n(bar.top + bar.height + 3)}" dominant-baseline="hanging" text-anchor="${anchor}" font-size="11" fill="${escape(color)}">${escape(text)}</text>`;
  });
  return [
    `<g class="colour-key">`,
    `<text x="${NAME_LEFT}" y="${n(bar.top + bar.height / 2)}" dominant-baseline="middle" font-size="${NAME_SIZE}"${italicName(key.name) ? ' font-style="italic"' : ''} fill="${escape(color)}">${escape(key.name)}</text>`,
    ...bands,
    ...labels,
    `</g>`,
  ].join('\n');
}
