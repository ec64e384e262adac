import { useLab } from '../../state/useLab.ts';
import { AddPhase } from './AddPhase.tsx';
import { PhaseRow } from './PhaseRow.tsx';
import { findOptimizer } from './select.ts';

/** Optimizer `id`'s later phases (switching optimizers mid-run), and a way to add one. */
export function PhaseEditor({ id }: { readonly id: number }) {
  const count = useLab((s) => findOptimizer(s, id)?.entry.phases?.length ?? 0);
  return (
    <details className="ctl-phases" open={count > 0 || undefined}>
      <summary>Switch optimizer mid-run{count ? ` (${count})` : ''}</summary>
      {/* Keyed by place: a row whose step is edited stays mounted, and keeps the focus. */}
      {Array.from({ length: count }, (_, i) => (
        <PhaseRow key={i} id={id} index={i} />
      ))}
      <AddPhase id={id} />
    </details>
  );
}
