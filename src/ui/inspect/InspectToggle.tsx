import { useLab } from '../../state/useLab.ts';

/** A toggle that makes optimizer `id` the inspected one (or stops inspecting it). */
export function InspectToggle({ id, label }: { readonly id: number; readonly label: string }) {
  const pressed = useLab((s) => s.selected === id);
  const select = useLab((s) => s.actions.select);
  // The inspector records a run on the function: a network scene has none to show.
  const network = useLab((s) => s.network !== null);
  if (network) return null;
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
