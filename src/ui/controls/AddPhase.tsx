import { useId, useState } from 'react';
import { withPhase } from '../../engine/phases.ts';
import { MAX_PHASES } from '../../preset/limits.ts';
import { numberProblem } from '../../preset/schema.ts';
import { optimizerChoices } from '../../state/choices.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { NumberField } from './NumberField.tsx';
import { OptimizerChoiceSelect } from './OptimizerChoiceSelect.tsx';
import { findOptimizer } from './select.ts';

/**
 * Adds a phase to optimizer `id`: from a step k (1 … steps − 1) on, a new optimizer of a chosen
 * kind with torch's defaults, its state starting empty.
 */
export function AddPhase({ id }: { readonly id: number }) {
  const steps = useLab((s) => s.steps);
  const count = useLab((s) => findOptimizer(s, id)?.entry.phases?.length ?? 0);
  const store = useLabStore();
  const { setPhases } = useLabActions();
  const [from, setFrom] = useState(() => Math.max(1, Math.floor(steps / 2)));
  const [key, setKey] = useState('momentum');
  const [problem, setProblem] = useState<string | null>(null);
  const uid = useId();
  if (steps < 2) return null;
  const full = count >= MAX_PHASES;
  const at = Math.min(from, steps - 1);
  const add = () => {
    const entry = findOptimizer(store.getState(), id)?.entry;
    const choice = optimizerChoices.find((c) => c.key === key);
    if (!entry || !choice || full) return;
    setPhases(id, withPhase(entry, at, choice.type, choice.hyper));
  };
  return (
    <div className="ctl-field ctl-add-phase">
      <label className="ctl-label" htmlFor={`${uid}-from`}>
        Switch after step
      </label>
      <div className="ctl-row">
        <NumberField
          id={`${uid}-from`}
          value={at}
          check={(v) => numberProblem(v, { integer: true, min: 1, max: steps - 1 })}
          commit={setFrom}
          onProblem={setProblem}
          inputMode="numeric"
        />
        <OptimizerChoiceSelect ariaLabel="to" value={key} onChange={setKey} />
        <button
          type="button"
          className="ctl-button"
          aria-disabled={full || undefined}
          onClick={add}
        >
          Add phase
        </button>
      </div>
      <p className="ctl-note" aria-live="polite">
        {problem ??
          (full
            ? `At most ${MAX_PHASES} phases.`
            : 'A new optimizer from the next step on: its state starts empty, as a new torch optimizer’s.')}
      </p>
    </div>
  );
}
