import { useLab } from '../../state/useLab.ts';

/** A toggle that makes optimizer `id` the inspected one (or stops inspecting it). */
export function InspectToggle({ id, label }: { readonly id: number; readonly label: string }) {
  const pressed = useLab((s) => s.selected === id);
  const select = useLab((s) => s.actions.select);
  return (
    <button
      type="button"
      className="inspect-toggle"
      aria-pressed={pressed}
      aria-label={`Inspect ${label}`}
      onClick={() => select(pressed ? null : id)}
    >
      Inspect
    </button>
  );
}
