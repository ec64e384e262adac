import { useId } from 'react';
import { useLab } from '../../state/useLab.ts';
import type { Feed } from '../../workers/feed.ts';
import type { SwitchedView } from '../layout/ViewSwitch.tsx';
import { DecisionBoundaries } from './DecisionBoundaries.tsx';
import type { NetworkPicture } from './networkPicture.ts';
import { useBoundaryRuns } from './useBoundaryRuns.ts';

/**
 * A network scene's view above the controls: each run's decision boundary (or regression
 * surface) at the cursor's step, the parameters coming from the page's network picture.
 */
function BoundariesView({ feed }: { readonly feed: Feed<NetworkPicture | null> }) {
  const network = useLab((s) => s.network);
  const runs = useBoundaryRuns(feed);
  const headingId = useId();
  return (
    <section className="data-view" aria-labelledby={headingId}>
      <h2 id={headingId}>What each run has learned</h2>
      {network === null ? null : runs === null ? (
        <p className="data-hint">Training…</p>
      ) : runs.length === 0 ? (
        <p className="data-hint">
          Every run is hidden: show one in the legend to see what it learned.
        </p>
      ) : (
        <>
          <p className="data-hint">
            Each run’s network at the cursor’s step over its inputs: training examples as dots, test
            examples as squares. Move the cursor, or hover a path or the loss chart, to see another
            step.
          </p>
          <DecisionBoundaries network={network} runs={runs} />
        </>
      )}
    </section>
  );
}

/** The view switch's entry for a network scene's decision boundaries. */
export const boundariesView = (feed: Feed<NetworkPicture | null>): SwitchedView => ({
  id: 'boundaries',
  label: 'Boundaries',
  gloss: 'what each run’s network predicts at the cursor',
  content: <BoundariesView feed={feed} />,
});
