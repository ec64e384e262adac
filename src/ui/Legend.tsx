import { useEffect, useState } from 'react';
import type { RunFeed, RunSet } from '../workers/runs.ts';
import { formatNumber } from './format.ts';

/** Each run's outcome once its trajectories are complete: final loss, or where it diverged. */
export function Legend({ runs }: { readonly runs: RunFeed }) {
  // Re-render when a set completes, not on every chunk.
  const [set, setSet] = useState<RunSet | null>(null);
  useEffect(
    () =>
      runs.subscribe(() => {
        const current = runs.current;
        if (current?.complete) setSet(current);
      }),
    [runs],
  );
  if (!set) return null;
  return (
    <ul className="legend" aria-label="Results">
      {set.scene.optimizers.map((optimizer, k) => {
        const run = set.runs[k]!;
        const loss = run.f[run.length - 1] ?? NaN;
        return (
          <li
            key={k}
            className="legend-item"
            data-color={optimizer.color}
            data-loss={run.divergedAt === null ? loss : undefined}
          >
            <span className="swatch" style={{ background: optimizer.color }} aria-hidden="true" />
            <span className="legend-label">{optimizer.label}</span>
            <span className="legend-result">
              {run.divergedAt !== null
                ? `diverged at step ${run.divergedAt}`
                : `final loss ${formatNumber(loss)}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
