import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/** A typed value read from text, or why it is refused. */
export type Reading<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** What a text field with a draft needs. */
export interface DraftOptions<T> {
  /** The stored value, shown while nothing is being typed. */
  readonly value: T;
  readonly format: (value: T) => string;
  /** Reads and validates typed text (ranges and cross-field rules). */
  readonly read: (text: string) => Reading<T>;
  readonly commit: (value: T) => void;
  /** Told the field's problem whenever it changes (null when there is none). */
  readonly onProblem: (problem: string | null) => void;
}

/**
 * A text field that edits a stored value: typing keeps a draft; Enter or blur commits it when
 * valid, and otherwise keeps the draft and reports the problem (the store keeps the last valid
 * value); Escape restores the stored value. Once a problem shows, it follows the typing.
 */
export function useDraft<T>({ value, format, read, commit, onProblem }: DraftOptions<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  const report = (problem: string | null) => {
    setInvalid(problem !== null);
    onProblem(problem);
  };
  const apply = () => {
    if (draft === null) return;
    const reading = read(draft);
    if (!reading.ok) return report(reading.problem);
    if (!Object.is(reading.value, value)) commit(reading.value);
    setDraft(null);
    report(null);
  };
  return {
    invalid,
    inputProps: {
      value: draft ?? format(value),
      'aria-invalid': invalid || undefined,
      onChange: (e: ChangeEvent<HTMLInputElement>) => {
        setDraft(e.target.value);
        if (invalid) {
          const reading = read(e.target.value);
          report(reading.ok ? null : reading.problem);
        }
      },
      onBlur: apply,
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          apply();
        } else if (e.key === 'Escape' && (draft !== null || invalid)) {
          e.preventDefault();
          setDraft(null);
          report(null);
        }
      },
    },
  };
}
