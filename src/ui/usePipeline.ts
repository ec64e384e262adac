import { useEffect, useState } from 'react';
import type { ContourField } from '../engine/field.ts';
import { sameTrajectories, type Scene } from '../engine/scene.ts';
import { Feed } from '../workers/feed.ts';
import { RunFeed } from '../workers/runs.ts';
import { PageRuns } from '../state/pageRuns.ts';
import { selectScene, type LabState, type LabStore } from '../state/store.ts';
import { FieldClient } from '../workers/fieldClient.ts';
import { TrajectoryClient, type TrajectoryStatus } from '../workers/trajectoryClient.ts';
import { withObjective } from './withObjective.ts';
import { fieldGrid } from '../engine/data/grid.ts';
import { sameLandscape } from '../engine/sameLandscape.ts';
import type { CompileClient } from '../workers/compileClient.ts';
import { LineChannel } from './network/lineChannel.ts';
import type { NetworkPicture } from './network/networkPicture.ts';
import { NetworkRoute } from './network/networkRoute.ts';
import { NETWORK_WORKERS, type NetworkWorkers } from '../workers/networkClient.ts';

/** How long the trajectories compute before the status says "Computing…". */
const SLOW_MS = 300;

/** Contour grid samples per side, and levels per view. */
const GRID = 512;
const LEVELS = 24;

/** The feeds the workers fill for the page. */
export interface Pipeline {
  readonly runs: RunFeed;
  readonly field: Feed<ContourField>;
  readonly status: Feed<TrajectoryStatus>;
  /** Why the newest contour field failed; null again once a field arrives. */
  readonly fieldError: Feed<string | null>;
  /** A network scene's runs (parameters, distances from the plane); null for a function's scene. */
  readonly network: Feed<NetworkPicture | null>;
  /** The line between two runs' ends a network scene's "Between two ends" view shows. */
  readonly line: LineChannel;
}

const fieldInputs = (s: LabState) => [s.fn, s.view] as const;

/**
 * Connects the store to the workers: every new scene goes to the trajectory worker (latest
 * wins), and a new function, parameter or view to the field worker; a network scene goes to the
 * network workers (`networkWorkers`: those the page started early, startNetworkWorkers). Nothing
 * here re-renders React.
 */
export function usePipeline(
  store: LabStore,
  compiler: CompileClient,
  networkWorkers: NetworkWorkers = NETWORK_WORKERS,
): Pipeline {
  const [pipeline] = useState<Pipeline>(() => ({
    runs: new RunFeed(),
    field: new Feed<ContourField>(),
    status: new Feed<TrajectoryStatus>(),
    fieldError: new Feed<string | null>(),
    network: new Feed<NetworkPicture | null>(),
    line: new LineChannel(),
  }));

  useEffect(() => {
    // "Computing" is told only once it has lasted SLOW_MS: a drag's requests are answered within
    // a few frames, and saying so each time made the status flash (announced on every input)
    // and the page reflow where the two texts wrap differently.
    let slow = 0;
    const status = (s: TrajectoryStatus) => {
      clearTimeout(slow);
      if (s.phase === 'computing')
        slow = window.setTimeout(() => pipeline.status.publish(s), SLOW_MS);
      else pipeline.status.publish(s);
    };
    const trajectories = new TrajectoryClient(
      pipeline.runs,
      status,
      undefined,
      new PageRuns().fill,
    );
    const fields = new FieldClient();
    const network = new NetworkRoute(pipeline, store, networkWorkers);
    fields.onField((field, ms) => {
      // A function's field that arrives once the scene is a network's is not its plane's.
      if (scene.network) return;
      const segments = field.lines.reduce((sum, line) => sum + line.length / 4, 0);
      performance.mark('descent-lab:field', {
        detail: { ms, n: field.n, segments, lineEvery: field.lineEvery },
      });
      pipeline.field.publish(field);
      if (pipeline.fieldError.current !== null) pipeline.fieldError.publish(null);
    });
    fields.onError((message) => pipeline.fieldError.publish(message));
    let scene = selectScene(store.getState());
    let [fn, view] = fieldInputs(store.getState());
    // A typed function goes to the workers as compiled source; a newer change makes it stale,
    // and its refusal too (a refused link's fallback may be shown before the refusal arrives).
    const refuse = (current: boolean, message: string) => {
      if (current) status({ phase: 'error', message });
    };
    const simulate = (s: Scene) => {
      if (s.network) {
        clearTimeout(slow);
        trajectories.stop();
        network.show(s);
        return;
      }
      network.leave();
      withObjective(
        compiler,
        s.fn,
        (source) => {
          if (s === scene) trajectories.simulate(s, source);
        },
        (message) => refuse(s === scene, message),
      );
    };
    // A network scene's field is the loss on its plane: the network route computes it.
    const requestField = (f: Scene['fn'], v: typeof view) => {
      if (scene.network) {
        network.view(v);
        return;
      }
      withObjective(
        compiler,
        f,
        (source) => {
          if (f === fn && v === view) fields.request(f, v, fieldGrid(f, GRID), LEVELS, source);
        },
        (message) => refuse(f === fn, message),
      );
    };
    simulate(scene);
    requestField(fn, view);
    const unsubscribe = store.subscribe((state) => {
      const next = selectScene(state);
      // Back from a network, the function's field is asked for again.
      let back = false;
      if (!sameTrajectories(next, scene)) {
        back = scene.network !== undefined && !next.network;
        scene = next;
        simulate(scene);
      }
      const [nextFn, nextView] = fieldInputs(state);
      // A change of B alone leaves f as it was, and the field with it.
      if (back || !sameLandscape(nextFn, fn) || nextView !== view) {
        fn = nextFn;
        view = nextView;
        requestField(fn, view);
      }
    });
    return () => {
      clearTimeout(slow);
      unsubscribe();
      trajectories.dispose();
      fields.dispose();
      network.dispose();
    };
  }, [store, compiler, networkWorkers, pipeline]);

  return pipeline;
}
