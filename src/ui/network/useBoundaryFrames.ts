import { useEffect, useMemo, useRef } from 'react';
import type { NetworkScene } from '../../engine/network/scene.ts';
import { BoundaryClient } from '../../workers/boundaryClient.ts';
import { BoundaryFrames } from './DecisionBoundariesFrame.ts';

/**
 * The decision-boundary frames of `network`, computed by a boundary worker that lives as long as
 * the component (one worker for every network it shows): nothing of it runs on the main thread.
 */
export function useBoundaryFrames(network: NetworkScene): BoundaryFrames {
  const frames = useMemo(() => new BoundaryFrames(network), [network]);
  const client = useRef<BoundaryClient | null>(null);
  useEffect(
    () => () => {
      client.current?.dispose();
      client.current = null;
    },
    [],
  );
  useEffect(() => {
    const made = (client.current ??= new BoundaryClient());
    made.onFrames((net, thetas, computed) => frames.receive(net, thetas, computed));
    made.onError((message) => frames.fail(message));
    return frames.attach(made);
  }, [frames]);
  return frames;
}
