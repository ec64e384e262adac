import type { Scene } from '../scene.ts';
import type { Axis, SweepSpec, SweepView } from './types.ts';

/** The second map axis of each kind of optimizer: its momentum-like setting, in torch's name. */
const DAMPING_KEYS = ['momentum', 'betas[0]', 'rho', 'alpha'] as const;

/** `count` values of the learning rate, log-spaced two decades either side of `lr`. */
const lrAxis = (path: string, lr: number, count: number): Axis => {
  const centre = lr > 0 ? lr : 1e-3;
  return { path, from: centre / 100, to: centre * 100, count, scale: 'log' };
};

/** The map's axes for optimizer `index`: its lr (log) × its momentum, β₁, ρ or α. */
export function defaultMapAxes(scene: Scene, index: number): readonly [Axis, Axis] {
  const entry = scene.optimizers[index] ?? scene.optimizers[0]!;
  const at = `optimizers[${scene.optimizers[index] ? index : 0}]`;
  const hyper = entry.hyper;
  const key =
    DAMPING_KEYS.find((k) => (k === 'betas[0]' ? 'betas' in hyper : k in hyper)) ?? 'weight_decay';
  const second: Axis =
    key === 'weight_decay'
      ? { path: `${at}.weight_decay`, from: 0, to: 0.1, count: 32, scale: 'linear' }
      : { path: `${at}.${key}`, from: 0, to: 0.99, count: 32, scale: 'linear' };
  return [lrAxis(`${at}.lr`, hyper['lr'] as number, 32), second];
}

/** Every sweep setting at its default, the map on the first optimizer. */
export function defaultSweep(scene: Scene, view: SweepView = 'map'): SweepSpec {
  return {
    view,
    map: { axes: defaultMapAxes(scene, 0), optimizer: 0 },
    // Six decades, five values a decade: wide enough to show where every optimizer diverges.
    curves: { axis: { path: 'optimizers[*].lr', from: 1e-5, to: 10, count: 31, scale: 'log' } },
    basins: { resolution: 128, optimizer: 0 },
    seeds: { count: 50 },
    metric: 'final_loss',
    tol: 1e-4,
  };
}
