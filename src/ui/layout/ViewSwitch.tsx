import { useId, type ReactNode } from 'react';
import type { ViewId } from './openView.ts';

/** A view the switcher opens: its button's name and gloss, and what it shows. */
export interface SwitchedView {
  readonly id: ViewId;
  readonly label: string;
  /** A few words beside the name, for a reader who does not know the view yet. */
  readonly gloss: string;
  readonly content: ReactNode;
}

/**
 * A row of disclosure buttons and the views they open, one at a time, in place: each view is a
 * section right under the row (so above the controls), and its content is mounted only while it
 * is open. Pressing the open view's button closes it. The sections carry no name of their own:
 * the panels inside them are the named regions ("Inside Adam", "Sweeps").
 */
export function ViewSwitch({
  views,
  open,
  onOpen,
}: {
  readonly views: readonly SwitchedView[];
  readonly open: ViewId | null;
  readonly onOpen: (view: ViewId | null) => void;
}) {
  const prefix = useId();
  return (
    <>
      <div className="view-switch" role="group" aria-label="Views">
        {views.map((view) => (
          <button
            key={view.id}
            type="button"
            aria-expanded={open === view.id}
            aria-controls={`${prefix}${view.id}`}
            onClick={() => onOpen(open === view.id ? null : view.id)}
          >
            <span className="view-switch-label">{view.label}</span>{' '}
            <span className="view-switch-gloss">{view.gloss}</span>
          </button>
        ))}
      </div>
      {views.map((view) => (
        <section
          key={view.id}
          id={`${prefix}${view.id}`}
          className={`view view-${view.id}`}
          hidden={open !== view.id}
        >
          {open === view.id && view.content}
        </section>
      ))}
    </>
  );
}
