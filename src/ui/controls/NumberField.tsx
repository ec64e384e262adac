import { formatField, notANumber, parseNumber } from './format.ts';
import { useDraft, type Reading } from './useDraft.ts';

/** Props of a NumberField. */
export interface NumberFieldProps {
  readonly value: number;
  /** Why a typed number is refused (the preset schema's message), or null. */
  readonly check: (value: number) => string | null;
  readonly commit: (value: number) => void;
  /** Told the field's problem whenever it changes; the owner shows it. */
  readonly onProblem: (problem: string | null) => void;
  /** For a visible `<label htmlFor>`. */
  readonly id?: string;
  /** The accessible name when no visible label points here, e.g. "Learning rate (value)". */
  readonly ariaLabel?: string;
  /** The id of the problem message, while there is one. */
  readonly describedBy?: string;
  /** Phone keyboards: 'numeric' for counts, 'text' where a minus sign must be typeable. */
  readonly inputMode?: 'decimal' | 'numeric' | 'text';
}

/** A typed number, applied on Enter or blur when valid; never clamped. */
export function NumberField({
  value,
  check,
  commit,
  onProblem,
  id,
  ariaLabel,
  describedBy,
  inputMode = 'decimal',
}: NumberFieldProps) {
  const read = (text: string): Reading<number> => {
    const v = parseNumber(text);
    if (Number.isNaN(v)) return { ok: false, problem: notANumber(text) };
    const problem = check(v);
    return problem === null ? { ok: true, value: v } : { ok: false, problem };
  };
  const { inputProps } = useDraft({ value, format: formatField, read, commit, onProblem });
  return (
    <input
      {...inputProps}
      id={id}
      className="ctl-number"
      type="text"
      inputMode={inputMode}
      autoComplete="off"
      spellCheck={false}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
    />
  );
}
