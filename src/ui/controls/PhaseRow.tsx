import { getOptimizer, type HyperSpec } from '../../engine/optimizers/index.ts';
import type { Phase } from '../../engine/scene.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { hyperLabel } from './labels.ts';
import { findOptimizer } from './select.ts';
import { SliderField } from './SliderField.tsx';
import { hyperRange } from './sliderRanges.ts';

/** Phase `index` of optimizer `id`: where it starts, its type, its learning rate, and Remove. */
export function PhaseRow({ id, index }: { readonly id: number; readonly index: number }) {
  const phases = useLab((s) => findOptimizer(s, id)?.entry.phases);
  const { setPhases } = useLabActions();
  const phase = phases?.[index];
  const spec = phase && getOptimizer(phase.type);
  if (!phases || !phase || !spec) return null;
  const replace = (next: Phase | null) =>
    setPhases(
      id,
      phases.flatMap((p, i) => (i !== index ? [p] : next ? [next] : [])),
    );
  const lr = spec.hyper['lr'] as Extract<HyperSpec, { kind: 'number' }>;
  return (
    <div className="ctl-phase" role="group" aria-label={`Phase from step ${phase.from}`}>
      <div className="ctl-row">
        <span className="ctl-phase-name">
          From step {phase.from + 1}: {spec.name}
        </span>
        <button type="button" className="ctl-button" onClick={() => replace(null)}>
          Remove phase
        </button>
      </div>
      <SliderField
        label={hyperLabel('lr')}
        value={phase.hyper['lr'] as number}
        range={hyperRange('lr')}
        check={(v) => numberProblem(v, lr)}
        onValue={(v) => replace({ ...phase, hyper: { ...phase.hyper, lr: v } })}
        field="phase-lr"
      />
    </div>
  );
}
