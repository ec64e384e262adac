import type { SceneResult } from '../workers/protocol.ts';
import { formatNumber } from './format.ts';

/** The final loss of a run: f at its last point (the last finite one if it diverged). */
const finalLoss = (f: Float64Array): number => f[f.length - 1] ?? NaN;

/** One row per optimizer: colour swatch, label, learning rate and where it ended. */
export function Legend({ result }: { readonly result: SceneResult }) {
  return (
    <ul className="legend" aria-label="Optimizers">
      {result.scene.optimizers.map((optimizer, k) => {
        const run = result.runs[k];
        const loss = run ? finalLoss(run.f) : NaN;
        const lr = optimizer.hyper.lr;
        return (
          <li
            key={k}
            className="legend-item"
            data-color={optimizer.color}
            data-loss={run?.divergedAt === null ? loss : undefined}
          >
            <span className="swatch" style={{ background: optimizer.color }} aria-hidden="true" />
            <span className="legend-label">{optimizer.label}</span>
            {typeof lr === 'number' && <span className="legend-hyper">lr {formatNumber(lr)}</span>}
            <span className="legend-result">
              {!run
                ? 'no result'
                : run.divergedAt !== null
                  ? `diverged at step ${run.divergedAt}`
                  : `final loss ${formatNumber(loss)}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
