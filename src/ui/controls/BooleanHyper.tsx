import { useId, useState } from 'react';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { hyperLabel } from './labels.ts';
import { crossFieldProblem, findSettings } from './select.ts';

/** A boolean hyperparameter (nesterov, amsgrad, centered) of an optimizer or its phase as a checkbox. */
export function BooleanHyper({
  id,
  phase,
  name,
}: {
  readonly id: number;
  readonly phase?: number;
  readonly name: string;
}) {
  const value = useLab((s) => findSettings(s, id, phase)?.hyper[name]);
  const store = useLabStore();
  const { setHyper } = useLabActions();
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  if (typeof value !== 'boolean') return null;
  const messageId = `${inputId}-problem`;
  return (
    <div className="ctl-field">
      <div className="ctl-check">
        <input
          id={inputId}
          type="checkbox"
          checked={value}
          aria-describedby={problem === null ? undefined : messageId}
          onChange={(e) => {
            const next = e.target.checked;
            const refused = crossFieldProblem(store.getState(), id, name, next, phase);
            setProblem(refused);
            if (refused === null) setHyper(id, name, next, phase);
          }}
        />
        <label htmlFor={inputId}>{hyperLabel(name)}</label>
      </div>
      <p id={messageId} className="ctl-problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
