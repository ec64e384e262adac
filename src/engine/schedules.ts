import type { Schedule } from './scene.ts';
import { cos } from './math/index.ts';

/**
 * Fills `out[k]` with the learning rate used by step k + 1, as torch.optim.lr_scheduler produces it
 * when `scheduler.step()` follows every `optimizer.step()`. Uses torch's recursive ("chainable")
 * forms, so the rounding follows torch's too.
 */
export function fillLearningRates(base: number, schedule: Schedule, out: Float64Array): void {
  const n = out.length;
  switch (schedule.type) {
    case 'constant':
      out.fill(base);
      return;
    case 'step': {
      const { step_size, gamma } = schedule;
      let lr = base;
      for (let k = 0; k < n; k++) {
        if (k > 0 && k % step_size === 0) lr *= gamma;
        out[k] = lr;
      }
      return;
    }
    case 'exponential': {
      let lr = base;
      for (let k = 0; k < n; k++) {
        if (k > 0) lr *= schedule.gamma;
        out[k] = lr;
      }
      return;
    }
    case 'cosine':
      cosine(base, base, schedule.T_max, schedule.eta_min, out, 0);
      return;
    case 'warmup_cosine': {
      const { warmup_steps: w, start_factor: sf, T_max, eta_min } = schedule;
      // LinearLR(start_factor, end_factor = 1, total_iters = w) for the first w steps…
      let lr = base * sf;
      for (let k = 0; k < Math.min(w, n); k++) {
        if (k > 0) lr *= 1 + (1 - sf) / (w * sf + (k - 1) * (1 - sf));
        out[k] = lr;
      }
      // …then SequentialLR restarts CosineAnnealingLR at epoch 0, whose closed form gives the base.
      if (n > w) cosine(base, base - eta_min + eta_min, T_max, eta_min, out, w);
      return;
    }
  }
}

/** CosineAnnealingLR from epoch 0 (lr `first`) written to out[from…]; not clamped past T_max. */
function cosine(
  base: number,
  first: number,
  tMax: number,
  etaMin: number,
  out: Float64Array,
  from: number,
): void {
  let lr = first;
  for (let k = from, epoch = 0; k < out.length; k++, epoch++) {
    if (epoch === 0) lr = first;
    else if ((epoch - 1 - tMax) % (2 * tMax) === 0) {
      lr += ((base - etaMin) * (1 - cos(Math.PI / tMax))) / 2;
    } else {
      lr =
        ((1 + cos((Math.PI * epoch) / tMax)) / (1 + cos((Math.PI * (epoch - 1)) / tMax))) *
          (lr - etaMin) +
        etaMin;
    }
    out[k] = lr;
  }
}

/** A schedule parameter: a number in a range, required unless it has a default (torch's). */
export interface ScheduleParam {
  readonly default?: number;
  readonly integer?: boolean;
  readonly min: number;
  readonly max?: number;
  readonly openMin?: boolean;
}

/** Each schedule type's parameters, by torch's names. */
export const scheduleParams: Readonly<
  Record<Schedule['type'], Readonly<Record<string, ScheduleParam>>>
> = {
  constant: {},
  step: { step_size: { integer: true, min: 1 }, gamma: { default: 0.1, min: 0 } },
  exponential: { gamma: { min: 0 } },
  cosine: { T_max: { integer: true, min: 1 }, eta_min: { default: 0, min: 0 } },
  warmup_cosine: {
    warmup_steps: { integer: true, min: 1 },
    // LinearLR refuses start factors outside (0, 1].
    start_factor: { default: 1 / 3, min: 0, openMin: true, max: 1 },
    T_max: { integer: true, min: 1 },
    eta_min: { default: 0, min: 0 },
  },
};
