import type { Schedule } from '../../engine/scene.ts';
import { TorchExportError } from './error.ts';
import { pyFloat, pyInt } from './python.ts';

/**
 * The scheduler of a lab schedule as torch.optim.lr_scheduler builds it on optimizer `o`, or
 * `None` for a constant rate. These are the very schedulers the lab reproduces
 * (src/engine/schedules.ts, torch's recursive forms), so the rate of every step is torch's own
 * arithmetic: step and exponential give the lab's rates bit for bit; cosine and the cosine part of
 * warmup_cosine call math.cos, where the lab calls its portable cos (fdlibm), so a rate can differ
 * in its last bit where the two cosines do.
 */
export function schedulerCall(schedule: Schedule): string {
  switch (schedule.type) {
    case 'constant':
      return 'None';
    case 'step':
      return `StepLR(o, step_size=${pyInt(schedule.step_size)}, gamma=${pyFloat(schedule.gamma)})`;
    case 'exponential':
      return `ExponentialLR(o, gamma=${pyFloat(schedule.gamma)})`;
    case 'cosine':
      return `CosineAnnealingLR(o, T_max=${pyInt(schedule.T_max)}, eta_min=${pyFloat(schedule.eta_min)})`;
    case 'warmup_cosine': {
      const { warmup_steps: w, start_factor, T_max, eta_min } = schedule;
      return (
        `SequentialLR(o, [LinearLR(o, start_factor=${pyFloat(start_factor)}, end_factor=1.0, ` +
        `total_iters=${pyInt(w)}), CosineAnnealingLR(o, T_max=${pyInt(T_max)}, ` +
        `eta_min=${pyFloat(eta_min)})], milestones=[${pyInt(w)}])`
      );
    }
    default:
      throw new TorchExportError(
        `the schedule "${(schedule as { type: string }).type}" has no PyTorch export`,
      );
  }
}
