import type { HyperSpec } from '../../engine/optimizers/index.ts';
import type { Vec2 } from '../../engine/types.ts';
import { numberProblem } from '../../preset/schema.ts';
import type { LabState } from '../../state/store.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { pairLabels, phaseField } from './labels.ts';
import { crossFieldProblem, findSettings } from './select.ts';
import { SliderField } from './SliderField.tsx';
import { hyperRange } from './sliderRanges.ts';

/** The pair hyperparameter `name` of optimizer `id` (or of its phase `phase`), or undefined. */
function pairOf(s: LabState, id: number, name: string, phase?: number): Vec2 | undefined {
  const v = findSettings(s, id, phase)?.hyper[name];
  return Array.isArray(v) ? (v as Vec2) : undefined;
}

/** A pair hyperparameter (betas) of an optimizer or of its phase `phase` as two sliders, β₁ and β₂. */
export function PairHyper({
  id,
  phase,
  name,
  spec,
}: {
  readonly id: number;
  readonly phase?: number;
  readonly name: string;
  readonly spec: Extract<HyperSpec, { kind: 'pair' }>;
}) {
  const first = useLab((s) => pairOf(s, id, name, phase)?.[0]);
  const second = useLab((s) => pairOf(s, id, name, phase)?.[1]);
  const store = useLabStore();
  const { setHyper } = useLabActions();
  if (first === undefined || second === undefined) return null;
  const labels = pairLabels(name);
  /** The pair with element i set to v, from the store's current value. */
  const withElement = (i: 0 | 1, v: number): Vec2 => {
    const [a, b] = pairOf(store.getState(), id, name, phase) ?? [first, second];
    return i === 0 ? [v, b] : [a, v];
  };
  return (
    <>
      {([0, 1] as const).map((i) => (
        <SliderField
          key={i}
          label={labels[i]}
          value={i === 0 ? first : second}
          range={hyperRange(name)}
          check={(v) =>
            numberProblem(v, spec.range) ??
            crossFieldProblem(store.getState(), id, name, withElement(i, v), phase)
          }
          onValue={(v) => setHyper(id, name, withElement(i, v), phase)}
          field={phaseField(phase, `${name}.${i}`)}
        />
      ))}
    </>
  );
}
