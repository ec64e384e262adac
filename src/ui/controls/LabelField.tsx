import { useId, useState } from 'react';
import { MAX_LABEL } from '../../preset/limits.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { findOptimizer } from './select.ts';
import { useDraft, type Reading } from './useDraft.ts';

/** The preset schema's rule for labels. */
function readLabel(text: string): Reading<string> {
  if (text.trim() !== '' && text.length <= MAX_LABEL) return { ok: true, value: text };
  const got = text.trim() === '' ? 'an empty text' : `${text.length} characters`;
  return {
    ok: false,
    problem: `must be a non-empty text of at most ${MAX_LABEL} characters, got ${got}`,
  };
}

/** The optimizer's label, editable; applied on Enter or blur. */
export function LabelField({ id }: { readonly id: number }) {
  const label = useLab((s) => findOptimizer(s, id)?.entry.label);
  const { setLabel } = useLabActions();
  const inputId = useId();
  const messageId = `${inputId}-problem`;
  const [problem, setProblem] = useState<string | null>(null);
  const { inputProps } = useDraft({
    value: label ?? '',
    format: (v: string) => v,
    read: readLabel,
    commit: (v) => setLabel(id, v),
    onProblem: setProblem,
  });
  return (
    <div className="ctl-label-field">
      <div className="ctl-row">
        <label className="ctl-label" htmlFor={inputId}>
          Label
        </label>
        <input
          {...inputProps}
          id={inputId}
          className="ctl-text"
          type="text"
          autoComplete="off"
          data-card-focus=""
          aria-describedby={problem === null ? undefined : messageId}
        />
      </div>
      <p id={messageId} className="ctl-problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
