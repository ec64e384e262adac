import { optimizerChoices } from '../../state/choices.ts';

/** A menu of the optimizers one can add (state/choices.ts), by key: new cards and new phases. */
export function OptimizerChoiceSelect({
  value,
  onChange,
  id,
  ariaLabel,
}: {
  readonly value: string;
  readonly onChange: (key: string) => void;
  readonly id?: string;
  readonly ariaLabel?: string;
}) {
  return (
    <select
      id={id}
      aria-label={ariaLabel}
      className="ctl-select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      {optimizerChoices.map((c) => (
        <option key={c.key} value={c.key}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
