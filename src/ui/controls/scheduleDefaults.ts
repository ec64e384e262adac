import type { Schedule } from '../../engine/scene.ts';
import { scheduleParams } from '../../engine/schedules.ts';
import { roundSignificant } from './scale.ts';

/**
 * A schedule of `type` for a scene of `steps` steps: torch's defaults where it has them, otherwise
 * values that show the schedule's shape over the run (cosine ends at the last step, step decay
 * drops three times, exponential falls to 1 % of the base). η_min carries over from `previous`.
 */
export function defaultSchedule(
  type: Schedule['type'],
  steps: number,
  previous?: Schedule,
): Schedule {
  const warmup = Math.max(1, Math.round(steps / 10));
  const fresh: Record<string, number> = {
    step_size: Math.max(1, Math.round(steps / 4)),
    gamma: type === 'exponential' ? roundSignificant(0.01 ** (1 / steps), 6) : 0.1,
    T_max: type === 'warmup_cosine' ? Math.max(1, steps - warmup) : steps,
    warmup_steps: warmup,
  };
  const kept = previous as Readonly<Record<string, unknown>> | undefined;
  const out: Record<string, number | string> = { type };
  for (const [name, spec] of Object.entries(scheduleParams[type])) {
    const carried = name === 'eta_min' ? kept?.[name] : undefined;
    out[name] = typeof carried === 'number' ? carried : (fresh[name] ?? spec.default ?? spec.min);
  }
  return out as unknown as Schedule;
}
