import type { HyperSpec } from '../../engine/optimizers/index.ts';
import type { Vec2 } from '../../engine/types.ts';
import { numberProblem } from '../../preset/schema.ts';
import type { LabState } from '../../state/store.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { pairLabels } from './labels.ts';
import { crossFieldProblem, findOptimizer } from './select.ts';
import { SliderField } from './SliderField.tsx';
import { hyperRange } from './sliderRanges.ts';

/** The pair hyperparameter `name` of optimizer `id`, or undefined. */
function pairOf(s: LabState, id: number, name: string): Vec2 | undefined {
  const v = findOptimizer(s, id)?.entry.hyper[name];
  return Array.isArray(v) ? (v as Vec2) : undefined;
}

/** A pair hyperparameter (betas) as two sliders, β₁ and β₂. */
export function PairHyper({
  id,
  name,
  spec,
}: {
  readonly id: number;
  readonly name: string;
  readonly spec: Extract<HyperSpec, { kind: 'pair' }>;
}) {
  const first = useLab((s) => pairOf(s, id, name)?.[0]);
  const second = useLab((s) => pairOf(s, id, name)?.[1]);
  const store = useLabStore();
  const { setHyper } = useLabActions();
  if (first === undefined || second === undefined) return null;
  const labels = pairLabels(name);
  /** The pair with element i set to v, from the store's current value. */
  const withElement = (i: 0 | 1, v: number): Vec2 => {
    const [a, b] = pairOf(store.getState(), id, name) ?? [first, second];
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
            crossFieldProblem(store.getState(), id, name, withElement(i, v))
          }
          onValue={(v) => setHyper(id, name, withElement(i, v))}
        />
      ))}
    </>
  );
}
