import { useId, useState } from 'react';
import { formatField } from './format.ts';
import { NumberField } from './NumberField.tsx';
import { sliderModel, type SliderRange } from './scale.ts';

/** Props of a SliderField. */
export interface SliderFieldProps {
  /** The visible label, e.g. "Learning rate". */
  readonly label: string;
  readonly value: number;
  readonly range: SliderRange;
  /** Why a value is refused (range or cross-field rule), or null. */
  readonly check: (value: number) => string | null;
  /** Applies a valid value; called on every slider input event. */
  readonly onValue: (value: number) => void;
  readonly inputMode?: 'decimal' | 'numeric' | 'text';
  /** Names the value for tests and scripts (`data-field` on the slider), e.g. "lr". */
  readonly field?: string;
}

/** A labelled slider with a numeric twin and one problem message for both. */
export function SliderField({
  label,
  value,
  range,
  check,
  onValue,
  inputMode,
  field,
}: SliderFieldProps) {
  const id = useId();
  const messageId = `${id}-problem`;
  const [problem, setProblem] = useState<string | null>(null);
  const model = sliderModel(range);
  const describedBy = problem === null ? undefined : messageId;
  return (
    <div className="ctl-field">
      <label className="ctl-label" htmlFor={`${id}-slider`}>
        {label}
      </label>
      <div className="ctl-slider-row">
        <input
          id={`${id}-slider`}
          className="ctl-slider"
          type="range"
          data-field={field}
          min={model.min}
          max={model.max}
          step={model.step}
          value={model.toSlider(value)}
          aria-valuetext={formatField(value)}
          aria-describedby={describedBy}
          onChange={(e) => {
            const next = model.fromSlider(Number(e.target.value));
            if (next === value) return;
            const refused = check(next);
            setProblem(refused);
            if (refused === null) onValue(next);
          }}
        />
        <NumberField
          value={value}
          check={check}
          commit={onValue}
          onProblem={setProblem}
          ariaLabel={`${label} (value)`}
          describedBy={describedBy}
          inputMode={inputMode}
        />
      </div>
      <p id={messageId} className="ctl-problem" aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
