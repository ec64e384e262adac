import type { OptimizerEntry } from '../../engine/scene.ts';
import { phaseText } from './phaseText.ts';

/**
 * Which phase of a switching run made the shown step: its optimizer and the steps it makes. Only
 * for an entry with phases; the rule, terms and state below are that phase's.
 */
export function PhaseLine({
  entry,
  step,
}: {
  readonly entry: OptimizerEntry;
  readonly step: number;
}) {
  const text = phaseText(entry, step);
  if (!text) return null;
  return (
    <p className="inspect-phase" data-phase={text.index}>
      {text.which}: <strong>{text.name}</strong>, {text.steps}
      {text.fresh && ' — a new optimizer at the switch: its state started empty'}.
    </p>
  );
}
