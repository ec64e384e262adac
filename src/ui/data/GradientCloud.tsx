import { useId, useRef, useState } from 'react';
import { drawCloudPlot } from '../../render/data/cloudPlot.ts';
import { useLab, useLabStore } from '../../state/useLab.ts';
import { readTheme } from '../LossChart.tsx';
import { cloudReadout, cloudVerdict } from './cloudText.ts';
import type { DataSource } from './dataSource.ts';
import { usePlotFrames } from './usePlotFrames.ts';

/**
 * The gradient cloud of one optimizer's step (the cursor's, or the hovered one): every example's
 * gradient at the point the step started from, the full gradient G, the 1σ and 2σ ellipses of a
 * size-B batch mean, the gradient the step used, and the numbers (‖G‖, tr Σ, B_noise) as text.
 * It starts on the inspected optimizer, else the first; its own menu changes it without opening
 * the inspector.
 */
export function GradientCloud({ source }: { readonly source: DataSource }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const readout = useRef<HTMLDListElement>(null);
  const verdict = useRef<HTMLParagraphElement>(null);
  const store = useLabStore();
  const optimizers = useLab((s) => s.optimizers);
  const [chosen, choose] = useState<number | null>(() => store.getState().selected);
  const index = Math.max(
    0,
    optimizers.findIndex((o) => o.id === chosen),
  );
  const pickId = useId();
  const headingId = useId();
  usePlotFrames(
    canvas,
    ({ ctx, width, height, runSet, shown }) => {
      const element = canvas.current!;
      const start = performance.now();
      const frame = source.cloud(runSet, index, shown);
      if (!frame) return;
      const computed = performance.now();
      drawCloudPlot(ctx, {
        width,
        height,
        cloud: frame.cloud,
        used: frame.used,
        color: frame.color,
        theme: readTheme(element),
      });
      const lines = cloudReadout(frame);
      const list = readout.current!;
      // Rewritten in place: playback changes these every frame, React state would re-render.
      const text = `${frame.step}|${lines.map((line) => line.value).join('|')}`;
      if (list.dataset['shown'] !== text) {
        list.replaceChildren(
          ...lines.flatMap((line) => {
            const dt = document.createElement('dt');
            dt.textContent = line.term;
            const dd = document.createElement('dd');
            dd.textContent = line.value;
            dd.dataset['value'] = line.key;
            return [dt, dd];
          }),
        );
        list.dataset['shown'] = text;
        list.dataset['step'] = String(frame.step);
        verdict.current!.textContent = cloudVerdict(frame);
      }
      const label =
        `Gradient cloud of ${frame.label}'s step ${frame.step}: ${frame.cloud.n} per-example ` +
        `gradients, G, the 1σ and 2σ ellipses of a size-${frame.cloud.batch} batch mean, and the ` +
        'gradient the step used. The numbers follow as text.';
      if (element.getAttribute('aria-label') !== label) element.setAttribute('aria-label', label);
      // For benchmarks: the kernel's share (0 when the cloud was kept) and the whole frame's.
      performance.mark('descent-lab:cloud', {
        detail: { step: frame.step, computeMs: computed - start, ms: performance.now() - start },
      });
    },
    [source, index],
  );
  return (
    <section className="cloud" aria-labelledby={headingId}>
      <div className="cloud-head">
        <h3 id={headingId}>The gradient cloud</h3>
        <span className="cloud-pick">
          <label htmlFor={pickId}>optimizer</label>
          <select
            id={pickId}
            value={optimizers[index]?.id ?? ''}
            onChange={(e) => choose(Number(e.currentTarget.value))}
          >
            {optimizers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.entry.label}
              </option>
            ))}
          </select>
        </span>
      </div>
      <canvas ref={canvas} className="data-canvas" role="img" aria-label="The gradient cloud" />
      <p className="data-key">
        Grey dots: each training example’s gradient ∇ℓᵢ at the point the step started from; in
        colour, those of its batch. Arrow in the text’s colour: G, the full gradient (their mean).
        Coloured arrow: the gradient the step used. Ellipses: 1σ (solid) and 2σ (dashed) of a size-B
        batch mean around G, (N − B)/(N − 1) · Σ/B for batches drawn without replacement.
      </p>
      <dl ref={readout} className="cloud-readout" aria-live="off" />
      <p ref={verdict} className="cloud-verdict" />
    </section>
  );
}
