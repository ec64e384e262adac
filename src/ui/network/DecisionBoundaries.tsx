import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { BoundaryModel } from '../../engine/network/boundaryFrame.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';
import { sizeCanvas } from '../../render/canvas.ts';
import { LABEL_COLOURS } from '../../render/data/dataPlot.ts';
import { boundaryColour, drawBoundary } from '../../render/network/boundaryLayer.ts';
import { readTheme } from '../LossChart.tsx';
import { observeWidth } from '../observeWidth.ts';
import '../data/data.css';
import './DecisionBoundaries.css';
import { boundaryText, type BoundaryFrames } from './DecisionBoundariesFrame.ts';
import { useBoundaryFrames } from './useBoundaryFrames.ts';

/** One run's panel: its label and colour, and its parameters at the cursor's step (null: unknown). */
export interface BoundaryRun {
  readonly label: string;
  readonly colour: string;
  readonly theta: Float64Array | null;
}

/** A panel's height for its width, CSS px: nearly square, within readable bounds. */
const panelHeight = (width: number): number =>
  Math.round(Math.max(180, Math.min(320, width * 0.9)));

/**
 * Every run's decision boundary (or regression surface) at the cursor's step, one small panel
 * per run over the same inputs, with the training and test examples. Each panel is a figure whose
 * canvas is named in words (its training and test accuracy at that step). The network's outputs
 * come from the boundary worker, once per θ array (BoundaryFrames); until the cursor's step
 * arrives a panel shows, picture and words, the newest step of its run that has (during
 * playback: a step or a few behind the cursor).
 */
export function DecisionBoundaries({
  network,
  runs,
}: {
  network: NetworkScene;
  runs: readonly { label: string; colour: string; theta: Float64Array | null }[];
}) {
  const frames = useBoundaryFrames(network);
  const { model } = frames;
  const thetas = useMemo(() => runs.map((run) => run.theta), [runs]);
  useEffect(() => frames.want(thetas), [frames, thetas]);
  return (
    <section className="boundaries" aria-label="Decision boundaries at the shown step">
      <div className="boundaries-grid">
        {runs.map((run, k) => (
          <BoundaryPanel key={k} frames={frames} run={run} />
        ))}
      </div>
      <BoundaryKey model={model} />
    </section>
  );
}

/** One run's figure: its title, the canvas (drawn outside React), and the text alternative. */
function BoundaryPanel({ frames, run }: { frames: BoundaryFrames; run: BoundaryRun }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const caption = useRef<HTMLParagraphElement>(null);
  const latest = useRef(run);
  const redraw = useRef<() => void>(() => {});

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let request = 0;
    const draw = () => {
      request = 0;
      const width = size.current;
      if (width <= 0) return;
      const { theta, label } = latest.current;
      // Until the cursor's step arrives, the newest of its run (playback runs ahead of the worker).
      const frame = theta ? frames.newest(theta) : null;
      const { model } = frames;
      const height = panelHeight(width);
      const ctx = sizeCanvas(element, width, height, window.devicePixelRatio || 1);
      drawBoundary(ctx, {
        width,
        height,
        picture: frame ? { values: frame.values, n: frame.n, box: model.box } : null,
        range: model.range,
        level: model.level,
        train: model.data.train,
        test: model.data.test,
        labels: model.head === 'classification',
        box: model.box,
        theme: readTheme(element),
      });
      const text = frames.error ?? boundaryText(label, frame, model);
      if (element.getAttribute('aria-label') !== text) element.setAttribute('aria-label', text);
      // The caption under the canvas: the numbers only (the title and key say the rest).
      const at = text.indexOf('At this step');
      const short = frames.error ?? (at >= 0 ? text.slice(at) : 'Not known yet at this step.');
      if (caption.current && caption.current.textContent !== short)
        caption.current.textContent = short;
    };
    const ask = () => {
      if (request === 0) request = requestAnimationFrame(draw);
    };
    redraw.current = ask;
    const unsubscribe = frames.subscribe(ask);
    const size = observeWidth(element, ask);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', ask);
    ask();
    return () => {
      cancelAnimationFrame(request);
      unsubscribe();
      size.disconnect();
      scheme.removeEventListener('change', ask);
      redraw.current = () => {};
    };
  }, [frames]);

  // A new step (θ) or label: one more frame, which reads the run from `latest`.
  const { theta, label } = run;
  useEffect(() => {
    latest.current = { ...latest.current, theta, label };
    redraw.current();
  }, [theta, label]);

  return (
    <figure className="data-figure boundaries-panel">
      <figcaption>
        <h3 className="boundaries-title">
          <span className="data-swatch" style={{ background: run.colour }} /> {run.label}
        </h3>
      </figcaption>
      <canvas ref={canvas} className="data-canvas" role="img" aria-label={run.label} />
      <p ref={caption} className="data-caption" aria-hidden="true" />
    </figure>
  );
}

/** What the colours and marks mean, once for all the panels. */
function BoundaryKey({ model }: { model: BoundaryModel }) {
  const [lo, hi] = model.range;
  const swatch = (style: CSSProperties) => <span className="data-swatch" style={style} />;
  return model.head === 'classification' ? (
    <p className="data-key">
      {swatch({ borderColor: LABEL_COLOURS[0] })} label 0,{' '}
      {swatch({ background: LABEL_COLOURS[1] })} label 1; dots train, squares test. Fill: the
      network’s probability of label 1, from {swatch({ background: boundaryColour(0) })} 0 to{' '}
      {swatch({ background: boundaryColour(1) })} 1; the dark line, probability ½, is its decision
      boundary.
    </p>
  ) : (
    <p className="data-key">
      Rings train, squares test. Fill: the network’s prediction, from{' '}
      {swatch({ background: boundaryColour(0) })} {lo.toPrecision(2)} to{' '}
      {swatch({ background: boundaryColour(1) })} {hi.toPrecision(2)}; the dark line is{' '}
      {model.level.toPrecision(2)}, the middle of the training targets.
    </p>
  );
}
