import { useId } from 'react';
import type { Schedule } from '../../engine/scene.ts';
import { scheduleParams } from '../../engine/schedules.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { scheduleNames } from './labels.ts';
import { LrPlot } from './LrPlot.tsx';
import { ScheduleParamControl } from './ScheduleParamControl.tsx';
import { defaultSchedule } from './scheduleDefaults.ts';
import { findSettings, settingsSteps } from './select.ts';

const types = Object.keys(scheduleNames) as Schedule['type'][];

/**
 * The learning-rate schedule of one optimizer, or of its later phase `phase`: type picker, its
 * parameters and a plot of lr.
 */
export function ScheduleControls({ id, phase }: { readonly id: number; readonly phase?: number }) {
  const type = useLab((s) => findSettings(s, id, phase)?.schedule.type);
  const store = useLabStore();
  const { setSchedule } = useLabActions();
  const selectId = useId();
  if (type === undefined) return null;
  return (
    <div className="ctl-schedule">
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={selectId}>
          Learning-rate schedule
        </label>
        <select
          id={selectId}
          className="ctl-select"
          value={type}
          onChange={(e) => {
            const s = store.getState();
            const next = e.target.value as Schedule['type'];
            const steps = settingsSteps(s, id, phase);
            setSchedule(
              id,
              defaultSchedule(next, steps, findSettings(s, id, phase)?.schedule),
              phase,
            );
          }}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {scheduleNames[t]}
            </option>
          ))}
        </select>
      </div>
      {Object.keys(scheduleParams[type]).map((name) => (
        <ScheduleParamControl
          key={`${type}.${name}`}
          id={id}
          phase={phase}
          type={type}
          name={name}
        />
      ))}
      <LrPlot id={id} phase={phase} />
    </div>
  );
}
