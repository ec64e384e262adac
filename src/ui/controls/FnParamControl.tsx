import type { Examples } from '../../engine/data/examples.ts';
import { functionOf } from '../../engine/functions/index.ts';
import type { ParamSpec, Params } from '../../engine/types.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { SliderField } from './SliderField.tsx';
import { fnParamRange } from './sliderRanges.ts';

/**
 * What the function says of its parameters together (a batch larger than the training set), the
 * other parameter named when the problem lies there.
 */
function combined(
  fnId: string,
  rows: Examples | undefined,
  params: Params,
  name: string,
): string | null {
  const fn = functionOf({ id: fnId, rows });
  const problem = fn?.check?.(params) ?? null;
  if (!problem) return null;
  return problem.key === name
    ? problem.message
    : `${fn!.params[problem.key]?.label ?? problem.key} ${problem.message}`;
}

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
  const params = useLab((s) => (s.fn.id === fnId ? s.fn.params : undefined));
  const rows = useLab((s) => s.fn.rows);
  const value = params?.[name];
  const { setFnParam } = useLabActions();
  if (value === undefined) return null;
  return (
    <SliderField
      label={spec.label}
      value={value}
      range={fnParamRange(fnId, name, spec)}
      check={(v) => numberProblem(v, spec) ?? combined(fnId, rows, { ...params, [name]: v }, name)}
      onValue={(v) => setFnParam(name, v)}
      inputMode={spec.min < 0 ? 'text' : 'decimal'}
      field={`fn.params.${name}`}
    />
  );
}
