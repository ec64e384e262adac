import { useEffect, useRef, useState } from 'react';
import type { Barrier } from '../../engine/network/barrier.ts';
import { drawLine, type LineEnd, type LineGeometry } from '../../render/network/lineLayer.ts';
import { observeWidth } from '../observeWidth.ts';
import { lineReadout } from './lineText.ts';
import './LineChart.css';

/** The chart's height in CSS pixels. */
const HEIGHT = 240;

/** What the chart of a line draws: its samples, ends and barrier (see LineInput). */
export interface LineData {
  readonly t: Float64Array;
  readonly train: Float64Array;
  readonly test: Float64Array | null;
  readonly ends: readonly [LineEnd, LineEnd];
  readonly barrier: Barrier | null;
}

/**
 * The losses along a line between two runs' ends (drawLine, in an SVG the width of its box),
 * with a readout of the hovered sample's t and losses under it. The arrow keys move the readout
 * along the line when the chart has the focus; the sentence beside it is its text alternative.
 */
export function LineChart({ data, label }: { readonly data: LineData; readonly label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const geometry = useRef<LineGeometry | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observed = observeWidth(element, () => setWidth(observed.current));
    setWidth(observed.current);
    return () => observed.disconnect();
  }, []);

  useEffect(() => {
    if (!svg.current || width <= 0) return;
    geometry.current = drawLine(svg.current, { ...data, width, height: HEIGHT, hover });
  }, [data, width, hover]);

  const last = data.t.length - 1;
  return (
    <div className="line-chart" ref={box}>
      <svg
        ref={svg}
        role="img"
        aria-label={label}
        tabIndex={0}
        onPointerMove={(e) => {
          const rect = e.currentTarget.getBoundingClientRect();
          setHover(geometry.current?.indexAt(e.clientX - rect.left) ?? null);
        }}
        onPointerLeave={() => setHover(null)}
        onBlur={() => setHover(null)}
        onKeyDown={(e) => {
          const step = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
          if (step === undefined && e.key !== 'Home' && e.key !== 'End') return;
          e.preventDefault();
          setHover((k) =>
            e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? last
                : Math.max(0, Math.min(last, (k ?? Math.round(last / 2)) + step!)),
          );
        }}
      />
      <p className="line-readout data-hint" aria-live="off">
        {lineReadout(data.t, data.train, data.test, hover)}
      </p>
    </div>
  );
}
