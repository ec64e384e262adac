import { useEffect, useState } from 'react';
import { useLab } from '../state/useLab.ts';
import type { RunFeed, RunSet } from '../workers/runs.ts';
import { formatNumber } from './format.ts';

/**
 * Each run's outcome once its trajectories are complete: final loss, or where it diverged. A
 * run's name is a toggle that inspects it.
 */
export function Legend({ runs }: { readonly runs: RunFeed }) {
  // Re-render when a set completes, not on every chunk.
  const [set, setSet] = useState<RunSet | null>(null);
  const optimizers = useLab((s) => s.optimizers);
  const selected = useLab((s) => s.selected);
  const select = useLab((s) => s.actions.select);
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
        // The store lists optimizers in the set's order once the set is current.
        const id = optimizers[k]?.entry === optimizer ? optimizers[k]!.id : undefined;
        const pressed = id !== undefined && id === selected;
        return (
          <li
            key={k}
            className="legend-item"
            data-color={optimizer.color}
            data-loss={run.divergedAt === null ? loss : undefined}
          >
            <span className="swatch" style={{ background: optimizer.color }} aria-hidden="true" />
            {id === undefined ? (
              <span className="legend-label">{optimizer.label}</span>
            ) : (
              <button
                type="button"
                className="legend-label legend-pick"
                aria-pressed={pressed}
                title={pressed ? 'Stop inspecting' : 'Inspect this optimizer'}
                onClick={() => select(pressed ? null : id)}
              >
                {optimizer.label}
              </button>
            )}
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
