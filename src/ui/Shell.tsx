import type { ReactNode } from 'react';
import { useFeed } from './useFeed.ts';
import type { Pipeline } from './usePipeline.ts';

/**
 * The page's outer box, carrying its state (computing, ready, error) as `data-state`. It alone
 * follows the status feed, which changes twice per slider move: `children` come from the parent
 * unchanged, so React re-renders none of the lab beneath it.
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
  const state = status?.phase === 'error' ? 'error' : drawn ? 'ready' : 'computing';
  return (
    <div className="app" data-state={state}>
      {children}
    </div>
  );
}
