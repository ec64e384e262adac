import { getOptimizer } from '../../engine/optimizers/index.ts';
import { useLab } from '../../state/useLab.ts';
import { CardActions } from './CardActions.tsx';
import { ColorSwatch } from './ColorSwatch.tsx';
import { HyperFields } from './HyperFields.tsx';
import { LabelField } from './LabelField.tsx';
import { PhaseEditor } from './PhaseEditor.tsx';
import { ScheduleControls } from './ScheduleControls.tsx';
import { findOptimizer } from './select.ts';
import { InspectToggle } from '../inspect/InspectToggle.tsx';
import { RuleDetails } from '../inspect/RuleDetails.tsx';

/**
 * One optimizer: colour, label, actions, every hyperparameter of its type, its schedule and the
 * optimizers it switches to mid-run.
 */
export function OptimizerCard({ id }: { readonly id: number }) {
  const type = useLab((s) => findOptimizer(s, id)?.entry.type);
  const label = useLab((s) => findOptimizer(s, id)?.entry.label);
  const hidden = useLab((s) => findOptimizer(s, id)?.hidden ?? false);
  const spec = type === undefined ? undefined : getOptimizer(type);
  if (!spec) return null;
  return (
    <div
      role="group"
      aria-label={`${label ?? spec.name} (${spec.name})`}
      className={hidden ? 'ctl-card ctl-card-hidden' : 'ctl-card'}
    >
      <div className="ctl-card-top">
        <span className="ctl-type">
          {spec.name}
          {hidden && ' · hidden'}
        </span>
        <InspectToggle id={id} label={label ?? spec.name} />
        <CardActions id={id} />
      </div>
      <div className="ctl-card-head">
        <ColorSwatch id={id} />
        <LabelField id={id} />
      </div>
      <HyperFields id={id} hyper={spec.hyper} />
      <ScheduleControls id={id} />
      <PhaseEditor id={id} />
      <RuleDetails id={id} />
    </div>
  );
}
