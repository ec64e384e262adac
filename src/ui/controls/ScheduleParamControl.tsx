import type { Schedule } from '../../engine/scene.ts';
import { scheduleParams } from '../../engine/schedules.ts';
import { numberProblem } from '../../preset/schema.ts';
import type { LabState } from '../../state/store.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { scheduleParamLabel } from './labels.ts';
import { findOptimizer } from './select.ts';
import { SliderField } from './SliderField.tsx';
import { scheduleRange } from './sliderRanges.ts';

/** The optimizer's schedule while it is of `type`. */
function scheduleOf(s: LabState, id: number, type: Schedule['type']): Schedule | undefined {
  const schedule = findOptimizer(s, id)?.entry.schedule;
  return schedule?.type === type ? schedule : undefined;
}

/** One parameter of a schedule (gamma, T_max, …) as a slider and a field. */
export function ScheduleParamControl({
  id,
  type,
  name,
}: {
  readonly id: number;
  readonly type: Schedule['type'];
  readonly name: string;
}) {
  const value = useLab(
    (s) => (scheduleOf(s, id, type) as Record<string, unknown> | undefined)?.[name],
  );
  const store = useLabStore();
  const { setSchedule } = useLabActions();
  const spec = scheduleParams[type][name];
  if (typeof value !== 'number' || !spec) return null;
  return (
    <SliderField
      label={scheduleParamLabel(name)}
      value={value}
      range={scheduleRange(type, name)}
      check={(v) => numberProblem(v, spec)}
      onValue={(v) => {
        const current = scheduleOf(store.getState(), id, type);
        if (current) setSchedule(id, { ...current, [name]: v });
      }}
      inputMode={spec.integer ? 'numeric' : 'decimal'}
    />
  );
}
