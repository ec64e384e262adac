import { useId, useState } from 'react';
import type { HyperSpec } from '../../engine/optimizers/index.ts';
import { BooleanHyper } from './BooleanHyper.tsx';
import { hyperLabel } from './labels.ts';
import { NumberHyper } from './NumberHyper.tsx';
import { PairHyper } from './PairHyper.tsx';

/** The hyperparameters most people tune; the others fold under "More settings" on phones. */
const PRIMARY: ReadonlySet<string> = new Set([
  'lr',
  'momentum',
  'betas',
  'nesterov',
  'alpha',
  'rho',
]);

/** One hyperparameter's control (of an entry, or of its later phase `phase`). */
export function HyperField({
  id,
  phase,
  name,
  spec,
}: {
  id: number;
  phase: number | undefined;
  name: string;
  spec: HyperSpec;
}) {
  if (spec.kind === 'number') return <NumberHyper id={id} phase={phase} name={name} spec={spec} />;
  if (spec.kind === 'boolean') return <BooleanHyper id={id} phase={phase} name={name} />;
  return <PairHyper id={id} phase={phase} name={name} spec={spec} />;
}

/**
 * Every hyperparameter of optimizer `id`, or of its later phase `phase`: the primary ones, then the rest (ε, weight decay,
 * dampening, AMSGrad, …) behind a "More settings" button that only narrow screens show (CSS);
 * wider screens always show everything.
 */
export function HyperFields({
  id,
  phase,
  hyper,
}: {
  readonly id: number;
  readonly phase?: number;
  readonly hyper: Readonly<Record<string, HyperSpec>>;
}) {
  const [open, setOpen] = useState(false);
  const moreId = useId();
  const entries = Object.entries(hyper);
  const primary = entries.filter(([name]) => PRIMARY.has(name));
  const more = entries.filter(([name]) => !PRIMARY.has(name));
  return (
    <>
      <div className="ctl-grid">
        {primary.map(([name, spec]) => (
          <HyperField key={name} id={id} phase={phase} name={name} spec={spec} />
        ))}
      </div>
      {more.length > 0 && (
        <>
          <button
            type="button"
            className="ctl-button ctl-more-toggle"
            aria-expanded={open}
            aria-controls={moreId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Fewer settings' : 'More settings'}
            <span className="ctl-more-names">
              {' '}
              ({more.map(([name]) => hyperLabel(name)).join(', ')})
            </span>
          </button>
          <div id={moreId} className="ctl-grid ctl-more" data-open={open}>
            {more.map(([name, spec]) => (
              <HyperField key={name} id={id} phase={phase} name={name} spec={spec} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
