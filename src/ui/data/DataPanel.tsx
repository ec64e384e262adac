import { useRef, useState } from 'react';
import { hiddenByRun } from '../../render/chart/hidden.ts';
import { drawDataPlot, LABEL_COLOURS } from '../../render/data/dataPlot.ts';
import { RasterCache } from '../../render/rasterCache.ts';
import { readTheme } from '../LossChart.tsx';
import type { DataSpec } from '../../engine/types.ts';
import type { DataSource } from './dataSource.ts';
import { usePlotFrames } from './usePlotFrames.ts';

/**
 * The training examples with every visible optimizer's model at the shown step (the cursor's, or
 * the hovered one) and that step's mini-batch ringed. The canvas's name says what it shows in
 * words; it is redrawn outside React.
 */
export function DataPanel({
  source,
  plot,
}: {
  readonly source: DataSource;
  /** What the panel draws (DataSpec's `plot`): the key names labels only for a classifier. */
  readonly plot: DataSpec['plot'];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const caption = useRef<HTMLParagraphElement>(null);
  const [cache] = useState(() => new RasterCache<'examples'>());
  const written = useRef<Int32Array | null>(null);
  usePlotFrames(
    canvas,
    ({ ctx, width, height, runSet, state, shown }) => {
      const element = canvas.current!;
      const start = performance.now();
      const frame = source.frame(runSet, shown, hiddenByRun(runSet.scene, state.optimizers));
      if (!frame) return;
      const { spec, objective, step, models, batch } = frame;
      drawDataPlot(ctx, {
        width,
        height,
        examples: objective.data.train,
        plot: spec.plot,
        models,
        batch,
        theme: readTheme(element),
        cache,
      });
      const fits = models.map((m) => `${m.label} (${fmtPair(m.x, m.y)})`).join(', ');
      const label =
        (spec.plot === 'shifts'
          ? `The shifts (a, b) of ${objective.data.train.n} training examples`
          : `${objective.data.train.n} training examples and the ${MODEL_WORDS[spec.plot]} ` +
            `${fits || 'no visible run'}`) +
        ` at step ${step}` +
        (batch ? `; step ${step}'s batch of ${batch.length} ringed.` : '; no batch before step 1.');
      if (element.getAttribute('aria-label') !== label) element.setAttribute('aria-label', label);
      // For benchmarks: the whole frame's time.
      performance.mark('descent-lab:data', { detail: { step, ms: performance.now() - start } });
      element.dataset['step'] = String(step);
      // For tests: the ringed examples, rewritten only when the batch changes.
      if (written.current !== batch) {
        element.dataset['batch'] = batch ? batch.join(' ') : '';
        written.current = batch;
      }
      const text =
        spec.plot === 'shifts'
          ? batch
            ? `Step ${step}: the ${batch.length} examples its batch held (ringed).`
            : 'Step 0: the start; step 1’s batch comes next.'
          : batch
            ? `Step ${step}: the ${models.length === 1 ? 'model' : 'models'} after it, and the ${batch.length} examples its batch held (ringed).`
            : 'Step 0: the models at the start; step 1’s batch comes next.';
      if (caption.current && caption.current.textContent !== text)
        caption.current.textContent = text;
    },
    [source, cache],
  );
  return (
    <figure className="data-figure">
      <canvas ref={canvas} className="data-canvas" role="img" aria-label="The training examples" />
      <figcaption>
        <p ref={caption} className="data-caption" />
        {plot === 'line' ? (
          <p className="data-key">
            Dots: the training examples (a, t); rings: the step’s batch; lines: each optimizer’s
            model t = x·a + y, in its colour.
          </p>
        ) : plot === 'shifts' ? (
          <p className="data-key">
            Dots: each training example’s shift (a, b): its copy of the landscape has both wells
            moved by it; rings: the step’s batch, the copies that step averaged.
          </p>
        ) : (
          <p className="data-key">
            <span className="data-swatch" style={{ borderColor: LABEL_COLOURS[0] }} /> label 0,{' '}
            <span className="data-swatch" style={{ background: LABEL_COLOURS[1] }} /> label 1 at (a,
            b); rings: the step’s batch; lines: each optimizer’s boundary x·a + y·b = 0.
          </p>
        )}
      </figcaption>
    </figure>
  );
}

/** What the panel draws of each optimizer's model, in the canvas's name. */
const MODEL_WORDS = {
  line: 'lines t = x·a + y of',
  boundary: 'decision boundaries x·a + y·b = 0 of',
} as const;

const fmtPair = (x: number, y: number): string =>
  `x = ${x.toPrecision(3)}, y = ${y.toPrecision(3)}`;
