import { useLab } from '../../state/useLab.ts';

/** The scene's optimizers as a select's options, valued by their index (a sweep's `optimizer`). */
export function OptimizerOptions() {
  const optimizers = useLab((s) => s.optimizers);
  return optimizers.map((o, k) => (
    <option key={o.id} value={k}>
      {o.entry.label}
    </option>
  ));
}
