import { useState } from 'react';
import { useLab } from '../../state/useLab.ts';
import { findOptimizer } from '../controls/select.ts';
import { UpdateRule } from './UpdateRule.tsx';

/** The optimizer's update rule beside its controls, typeset when first opened. */
export function RuleDetails({ id }: { readonly id: number }) {
  const entry = useLab((s) => findOptimizer(s, id)?.entry);
  const [opened, setOpened] = useState(false);
  if (!entry) return null;
  return (
    <details className="ctl-rule" onToggle={(e) => setOpened(e.currentTarget.open)}>
      <summary>Update rule</summary>
      {opened && <UpdateRule entry={entry} />}
    </details>
  );
}
