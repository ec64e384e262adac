import type { ParamSpec } from '../../engine/types.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { SliderField } from './SliderField.tsx';
import { fnParamRange } from './sliderRanges.ts';

/** One parameter of the current function (κ, a, b, …) as a slider and a field. */
export function FnParamControl({
  fnId,
  name,
  spec,
}: {
  readonly fnId: string;
  readonly name: string;
  readonly spec: ParamSpec;
}) {
  const value = useLab((s) => (s.fn.id === fnId ? s.fn.params[name] : undefined));
  const { setFnParam } = useLabActions();
  if (value === undefined) return null;
  return (
    <SliderField
      label={spec.label}
      value={value}
      range={fnParamRange(fnId, name, spec)}
      check={(v) => numberProblem(v, spec)}
      onValue={(v) => setFnParam(name, v)}
      inputMode={spec.min < 0 ? 'text' : 'decimal'}
    />
  );
}
