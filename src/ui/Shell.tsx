import type { ReactNode } from 'react';
import { useFeed } from './useFeed.ts';
import type { Pipeline } from './usePipeline.ts';

/**
 * The page's outer box, carrying its state (computing, ready, error) as `data-state`: an error
 * of the trajectories or of the contour field. It alone follows the status feed, which changes
 * with every slider move: `children` come from the parent unchanged, so React re-renders none of
 * the lab beneath it.
 */
export function Shell({
  pipeline,
  drawn,
  children,
}: {
  readonly pipeline: Pipeline;
  /** True once the landscape has drawn a complete scene. */
  readonly drawn: boolean;
  readonly children: ReactNode;
}) {
  const status = useFeed(pipeline.status);
  const fieldError = useFeed(pipeline.fieldError);
  const state =
    status?.phase === 'error' || fieldError !== null ? 'error' : drawn ? 'ready' : 'computing';
  return (
    <div className="app" data-state={state}>
      {children}
    </div>
  );
}
