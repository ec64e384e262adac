import type { OptimizerEntry, Scene } from '../../engine/scene.ts';

/** What `hiddenByRun` needs of the store's optimizers. */
interface Toggle {
  readonly hidden: boolean;
  readonly entry: OptimizerEntry;
}

/**
 * Hidden flags by index into `scene.optimizers` (a run set's scene, maybe older than the store).
 * While the scene is current the store's order matches; after an edit, entries the store still
 * holds are matched by identity, then by index if the count is unchanged, else shown.
 */
export function hiddenByRun(scene: Scene, optimizers: readonly Toggle[]): boolean[] {
  const aligned = optimizers.length === scene.optimizers.length;
  return scene.optimizers.map((entry, k) => {
    const same = optimizers.find((o) => o.entry === entry);
    if (same) return same.hidden;
    return aligned ? optimizers[k]!.hidden : false;
  });
}
