import type { Schedule } from '../../engine/scene.ts';
import { scheduleParams } from '../../engine/schedules.ts';
import { numberProblem } from '../../preset/schema.ts';
import type { LabState } from '../../state/store.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { phaseField, scheduleParamLabel } from './labels.ts';
import { findSettings } from './select.ts';
import { SliderField } from './SliderField.tsx';
import { scheduleRange } from './sliderRanges.ts';

/** The schedule of optimizer `id` (or of its phase `phase`) while it is of `type`. */
function scheduleOf(
  s: LabState,
  id: number,
  phase: number | undefined,
  type: Schedule['type'],
): Schedule | undefined {
  const schedule = findSettings(s, id, phase)?.schedule;
  return schedule?.type === type ? schedule : undefined;
}

/** One parameter of a schedule (gamma, T_max, …) as a slider and a field. */
export function ScheduleParamControl({
  id,
  phase,
  type,
  name,
}: {
  readonly id: number;
  readonly phase?: number;
  readonly type: Schedule['type'];
  readonly name: string;
}) {
  const value = useLab(
    (s) => (scheduleOf(s, id, phase, type) as Record<string, unknown> | undefined)?.[name],
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
        const current = scheduleOf(store.getState(), id, phase, type);
        if (current) setSchedule(id, { ...current, [name]: v }, phase);
      }}
      inputMode={spec.integer ? 'numeric' : 'decimal'}
      field={phaseField(phase, `schedule.${name}`)}
    />
  );
}
