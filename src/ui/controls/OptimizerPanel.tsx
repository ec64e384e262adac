import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../state/useLab.ts';
import { AddOptimizer } from './AddOptimizer.tsx';
import { OptimizerCard } from './OptimizerCard.tsx';
import './controls.css';

/** The optimizer list: one card per optimizer, then the add-optimizer menu. */
export function OptimizerPanel() {
  const ids = useLab(useShallow((s) => s.optimizers.map((o) => o.id)));
  const headingId = useId();
  return (
    <section className="ctl-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="ctl-title">
        Optimizers
      </h2>
      <ul className="ctl-cards">
        {ids.map((id) => (
          <li key={id}>
            <OptimizerCard id={id} />
          </li>
        ))}
      </ul>
      <AddOptimizer />
    </section>
  );
}
