import type { HyperSpec } from '../../engine/optimizers/index.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { hyperLabel, phaseField } from './labels.ts';
import { crossFieldProblem, findSettings } from './select.ts';
import { SliderField } from './SliderField.tsx';
import { hyperRange } from './sliderRanges.ts';

/**
 * A number hyperparameter (lr, momentum, eps, …) of one optimizer, or of its later phase `phase`,
 * as a slider and a field.
 */
export function NumberHyper({
  id,
  phase,
  name,
  spec,
}: {
  readonly id: number;
  readonly phase?: number;
  readonly name: string;
  readonly spec: Extract<HyperSpec, { kind: 'number' }>;
}) {
  const value = useLab((s) => findSettings(s, id, phase)?.hyper[name]);
  const store = useLabStore();
  const { setHyper } = useLabActions();
  if (typeof value !== 'number') return null;
  return (
    <SliderField
      label={hyperLabel(name)}
      value={value}
      range={hyperRange(name)}
      check={(v) =>
        numberProblem(v, spec) ?? crossFieldProblem(store.getState(), id, name, v, phase)
      }
      onValue={(v) => setHyper(id, name, v, phase)}
      field={phaseField(phase, name)}
      inputMode={spec.min !== undefined && spec.min >= 0 ? 'decimal' : 'text'}
    />
  );
}
