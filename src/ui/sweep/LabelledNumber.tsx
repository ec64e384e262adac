import { useId, useState } from 'react';
import { NumberField } from '../controls/NumberField.tsx';

/** A labelled typed number with its problem message: a sweep setting applied on Enter or blur. */
export function LabelledNumber({
  label,
  value,
  check,
  commit,
  inputMode = 'decimal',
}: {
  readonly label: string;
  readonly value: number;
  /** Why a value is refused (the preset's message), or null. */
  readonly check: (value: number) => string | null;
  readonly commit: (value: number) => void;
  readonly inputMode?: 'decimal' | 'numeric';
}) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="ctl-field">
      <label className="ctl-label" htmlFor={id}>
        {label}
      </label>
      <NumberField
        id={id}
        value={value}
        check={check}
        commit={commit}
        onProblem={setProblem}
        describedBy={problem === null ? undefined : `${id}-problem`}
        inputMode={inputMode}
      />
      <p id={`${id}-problem`} className="ctl-problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
