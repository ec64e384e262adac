import { useLab } from '../../state/useLab.ts';
import { AddPhase } from './AddPhase.tsx';
import { PhaseRow } from './PhaseRow.tsx';
import { findOptimizer } from './select.ts';

/** Optimizer `id`'s later phases (switching optimizers mid-run), and a way to add one. */
export function PhaseEditor({ id }: { readonly id: number }) {
  const froms = useLab((s) =>
    findOptimizer(s, id)
      ?.entry.phases?.map((p) => p.from)
      .join(','),
  );
  const list = froms ? froms.split(',') : [];
  return (
    <details className="ctl-phases" open={list.length > 0 || undefined}>
      <summary>Switch optimizer mid-run{list.length ? ` (${list.length})` : ''}</summary>
      {list.map((from, i) => (
        <PhaseRow key={from} id={id} index={i} />
      ))}
      <AddPhase id={id} />
    </details>
  );
}
