import { useId, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { SweepPicture } from '../../render/frame.ts';
import { formatNumber, formatShort } from '../format.ts';
import {
  DIVERGED_GAP,
  ZERO_GAP,
  jitter,
  stripAxis,
  stripPosition,
  stripRows,
  type StripPoint,
} from './seedStrip.ts';

const WIDTH = 360;
const LABEL = 72;
const RIGHT = 8;
const ROW = 26;
const TOP = 6;
const AXIS = 22;

/** Which dot is picked: a row and a point of it. */
interface Pick {
  readonly row: number;
  readonly point: number;
}

/**
 * The final loss of every seed, one row per optimizer on a log axis (runs ending at exactly 0 in
 * a column on the left, diverged ones on the right), each row's median as a bar. Hovering a dot,
 * or focusing the strip and moving with the arrow keys, reads that seed's run out.
 */
export function SeedStrip({ picture }: { readonly picture: SweepPicture }) {
  const rows = stripRows(picture);
  const axis = stripAxis(rows);
  const [pick, setPick] = useState<Pick | null>(null);
  const readoutId = useId();
  const plotWidth = WIDTH - LABEL - RIGHT;
  const xOf = (p: StripPoint) => LABEL + plotWidth * stripPosition(axis, p);
  const yOf = (row: number, p?: StripPoint) =>
    TOP + ROW * row + ROW / 2 + (p ? jitter(p.seed) * ROW * 0.3 : 0);
  const height = TOP + ROW * rows.length + AXIS;
  const decades: number[] = [];
  for (let d = axis.lo; d <= axis.hi; d++) decades.push(d);
  const logX = (d: number) =>
    LABEL +
    plotWidth * (ZERO_GAP + ((1 - ZERO_GAP - DIVERGED_GAP) * (d - axis.lo)) / (axis.hi - axis.lo));
  const picked = pick && rows[pick.row]?.points[pick.point];
  const name = (row: number) => picture.scene.optimizers[rows[row]!.optimizer]?.label ?? '';

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - box.left) / box.width) * WIDTH;
    const y = ((e.clientY - box.top) / box.height) * height;
    let best: Pick | null = null;
    let bestD = 12 * 12;
    rows.forEach((row, r) =>
      row.points.forEach((p, k) => {
        const d = (xOf(p) - x) ** 2 + (yOf(r, p) - y) ** 2;
        if (d < bestD) {
          bestD = d;
          best = { row: r, point: k };
        }
      }),
    );
    setPick(best);
  };
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const at = pick ?? { row: 0, point: 0 };
    const moves: Record<string, Pick> = {
      ArrowLeft: { row: at.row, point: at.point - 1 },
      ArrowRight: { row: at.row, point: at.point + 1 },
      ArrowUp: { row: at.row - 1, point: at.point },
      ArrowDown: { row: at.row + 1, point: at.point },
      Home: { row: at.row, point: 0 },
      End: { row: at.row, point: Infinity },
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const row = Math.min(rows.length - 1, Math.max(0, to.row));
    const count = rows[row]?.points.length ?? 0;
    if (count === 0) return;
    setPick(pick ? { row, point: Math.min(count - 1, Math.max(0, to.point)) } : at);
  };

  return (
    <figure className="seed-strip">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        tabIndex={0}
        aria-label="Final loss of every seed, one row per optimizer, on a log scale; arrow keys move between seeds"
        aria-describedby={readoutId}
        onPointerMove={onMove}
        onPointerLeave={() => setPick(null)}
        onKeyDown={onKey}
        onBlur={() => setPick(null)}
      >
        {decades.map((d) => (
          <g key={d}>
            <line className="strip-grid" x1={logX(d)} x2={logX(d)} y1={TOP} y2={height - AXIS} />
            <text className="strip-tick" x={logX(d)} y={height - AXIS + 14} textAnchor="middle">
              {formatShort(10 ** d)}
            </text>
          </g>
        ))}
        {axis.zeros && (
          <text className="strip-tick" x={LABEL + plotWidth * 0} y={height - AXIS + 14}>
            0
          </text>
        )}
        {axis.diverged && (
          <text className="strip-tick" x={WIDTH - RIGHT} y={height - AXIS + 14} textAnchor="end">
            diverged
          </text>
        )}
        {rows.map((row, r) => {
          const colour = picture.scene.optimizers[row.optimizer]?.color ?? 'currentColor';
          const median = Number.isNaN(row.median)
            ? null
            : xOf({ seed: 0, cell: 0, loss: row.median, diverged: false });
          return (
            <g key={row.optimizer}>
              <text className="strip-label" x={LABEL - 6} y={yOf(r) + 4} textAnchor="end">
                {name(r)}
              </text>
              {row.points.map((p) =>
                p.diverged ? (
                  <text
                    key={p.seed}
                    x={xOf(p)}
                    y={yOf(r, p) + 4}
                    fill={colour}
                    textAnchor="middle"
                    className="strip-cross"
                  >
                    ✕
                  </text>
                ) : (
                  <circle
                    key={p.seed}
                    cx={xOf(p)}
                    cy={yOf(r, p)}
                    r={3}
                    fill={colour}
                    fillOpacity={0.55}
                  />
                ),
              )}
              {median !== null && (
                <line
                  className="strip-median"
                  x1={median}
                  x2={median}
                  y1={yOf(r) - ROW * 0.42}
                  y2={yOf(r) + ROW * 0.42}
                  stroke={colour}
                />
              )}
            </g>
          );
        })}
        {picked && pick && (
          <circle
            className="strip-pick"
            cx={xOf(picked)}
            cy={yOf(pick.row, picked)}
            r={5.5}
            fill="none"
          />
        )}
      </svg>
      <figcaption id={readoutId} className="readout" aria-live="polite">
        {picked && pick
          ? `${name(pick.row)}, seed ${picked.seed}: ${
              picked.diverged ? 'diverged' : `final loss ${formatNumber(picked.loss)}`
            }`
          : 'Bars mark each optimizer’s median.'}
      </figcaption>
    </figure>
  );
}
