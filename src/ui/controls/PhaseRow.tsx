import { useId, useState } from 'react';
import { getOptimizer } from '../../engine/optimizers/index.ts';
import type { Phase } from '../../engine/scene.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { HyperFields } from './HyperFields.tsx';
import { NumberField } from './NumberField.tsx';
import { ScheduleControls } from './ScheduleControls.tsx';
import { findOptimizer } from './select.ts';

/**
 * Phase `index` of optimizer `id`: the step it switches after (between its neighbours' steps),
 * its type, every hyperparameter of that type, its own schedule, and Remove.
 */
export function PhaseRow({ id, index }: { readonly id: number; readonly index: number }) {
  const phases = useLab((s) => findOptimizer(s, id)?.entry.phases);
  const steps = useLab((s) => s.steps);
  const { setPhases } = useLabActions();
  const [problem, setProblem] = useState<string | null>(null);
  const uid = useId();
  const phase = phases?.[index];
  const spec = phase && getOptimizer(phase.type);
  if (!phases || !phase || !spec) return null;
  const replace = (next: Phase | null) =>
    setPhases(
      id,
      phases.flatMap((p, i) => (i !== index ? [p] : next ? [next] : [])),
    );
  // Phases keep their order: this one switches after its predecessor's step and before its successor's.
  const min = (phases[index - 1]?.from ?? 0) + 1;
  const max = (phases[index + 1]?.from ?? steps) - 1;
  const messageId = `${uid}-problem`;
  return (
    <div className="ctl-phase" role="group" aria-label={`Phase from step ${phase.from + 1}`}>
      <div className="ctl-row">
        <span className="ctl-phase-name">{spec.name}</span>
        <button type="button" className="ctl-button" onClick={() => replace(null)}>
          Remove phase
        </button>
      </div>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={`${uid}-from`}>
          Switches after step
        </label>
        <NumberField
          id={`${uid}-from`}
          value={phase.from}
          check={(v) => numberProblem(v, { integer: true, min, max })}
          commit={(from) => replace({ ...phase, from })}
          onProblem={setProblem}
          describedBy={problem === null ? undefined : messageId}
          inputMode="numeric"
        />
        <p id={messageId} className="ctl-problem" aria-live="polite">
          {problem}
        </p>
      </div>
      <HyperFields id={id} phase={index} hyper={spec.hyper} />
      <ScheduleControls id={id} phase={index} />
    </div>
  );
}
