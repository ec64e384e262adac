import type { MouseEvent } from 'react';
import { MAX_OPTIMIZERS } from '../../preset/limits.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { findOptimizer } from './select.ts';

/** Hide/show, duplicate and remove for one optimizer. */
export function CardActions({ id }: { readonly id: number }) {
  const label = useLab((s) => findOptimizer(s, id)?.entry.label ?? '');
  const hidden = useLab((s) => findOptimizer(s, id)?.hidden ?? false);
  const count = useLab((s) => s.optimizers.length);
  const { toggleHidden, duplicateOptimizer, removeOptimizer } = useLabActions();
  const full = count >= MAX_OPTIMIZERS;
  const last = count <= 1;

  const remove = (e: MouseEvent<HTMLButtonElement>) => {
    // Focus moves to a neighbouring card's label rather than falling back to the page.
    const card = e.currentTarget.closest('li');
    const neighbour = card?.nextElementSibling ?? card?.previousElementSibling;
    neighbour?.querySelector<HTMLElement>('[data-card-focus]')?.focus();
    removeOptimizer(id);
  };

  // Duplicate uses aria-disabled: it can become unavailable while focused (the scene fills up),
  // and a natively disabled button would drop the focus. Remove never does (focus moves first).
  return (
    <div className="ctl-actions">
      <button
        type="button"
        className="ctl-button"
        aria-pressed={hidden}
        aria-label={`Hide ${label}`}
        onClick={() => toggleHidden(id)}
      >
        Hide
      </button>
      <button
        type="button"
        className="ctl-button"
        aria-disabled={full || undefined}
        aria-label={`Duplicate ${label}`}
        title={full ? `At most ${MAX_OPTIMIZERS} optimizers` : undefined}
        onClick={() => {
          if (!full) duplicateOptimizer(id);
        }}
      >
        Duplicate
      </button>
      <button
        type="button"
        className="ctl-button"
        disabled={last}
        aria-label={`Remove ${label}`}
        title={last ? 'A scene needs at least one optimizer' : undefined}
        onClick={remove}
      >
        Remove
      </button>
    </div>
  );
}
