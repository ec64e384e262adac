import { useLab, useLabActions } from '../../state/useLab.ts';
import { findOptimizer } from './select.ts';

/** The optimizer's colour as a native colour picker. */
export function ColorSwatch({ id }: { readonly id: number }) {
  const color = useLab((s) => findOptimizer(s, id)?.entry.color);
  const label = useLab((s) => findOptimizer(s, id)?.entry.label);
  const { setColor } = useLabActions();
  if (color === undefined) return null;
  return (
    <input
      type="color"
      className="ctl-swatch"
      value={color}
      aria-label={`Colour of ${label ?? 'optimizer'}`}
      onChange={(e) => setColor(id, e.target.value)}
    />
  );
}
