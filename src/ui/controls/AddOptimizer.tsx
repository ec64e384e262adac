import { useId, useState } from 'react';
import { MAX_OPTIMIZERS } from '../../preset/limits.ts';
import { optimizerChoices } from '../../state/choices.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { OptimizerChoiceSelect } from './OptimizerChoiceSelect.tsx';

/** Picks a choice of the add-optimizer menu and adds it; unavailable once the scene is full. */
export function AddOptimizer() {
  const count = useLab((s) => s.optimizers.length);
  const { addOptimizer } = useLabActions();
  const [key, setKey] = useState(optimizerChoices[0]?.key ?? '');
  const id = useId();
  const full = count >= MAX_OPTIMIZERS;
  // A separate Add button: browsers fire `change` while arrowing through a closed <select>, which
  // would add an optimizer per key press.
  return (
    <div className="ctl-field ctl-add">
      <label className="ctl-label" htmlFor={`${id}-choice`}>
        Add optimizer
      </label>
      <div className="ctl-row">
        <OptimizerChoiceSelect id={`${id}-choice`} value={key} onChange={setKey} />
        <button
          type="button"
          className="ctl-button"
          aria-disabled={full || undefined}
          aria-describedby={`${id}-note`}
          onClick={() => {
            if (!full) addOptimizer(key);
          }}
        >
          Add
        </button>
      </div>
      <p id={`${id}-note`} className="ctl-note" aria-live="polite">
        {full
          ? `Limit reached: a scene holds at most ${MAX_OPTIMIZERS} optimizers. Remove one to add another.`
          : `${count} of ${MAX_OPTIMIZERS} optimizers`}
      </p>
    </div>
  );
}
