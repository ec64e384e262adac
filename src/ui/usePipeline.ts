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
import type { CompileClient } from '../workers/compileClient.ts';

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
}

const fieldInputs = (s: LabState) => [s.fn, s.view] as const;

/**
 * Connects the store to the workers: every new scene goes to the trajectory worker (latest
 * wins), and a new function, parameter or view to the field worker. Nothing here re-renders React.
 */
export function usePipeline(store: LabStore, compiler: CompileClient): Pipeline {
  const [pipeline] = useState<Pipeline>(() => ({
    runs: new RunFeed(),
    field: new Feed<ContourField>(),
    status: new Feed<TrajectoryStatus>(),
    fieldError: new Feed<string | null>(),
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
    fields.onField((field, ms) => {
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
    const simulate = (s: Scene) =>
      withObjective(
        compiler,
        s.fn,
        (source) => {
          if (s === scene) trajectories.simulate(s, source);
        },
        (message) => refuse(s === scene, message),
      );
    const requestField = (f: Scene['fn'], v: typeof view) =>
      withObjective(
        compiler,
        f,
        (source) => {
          if (f === fn && v === view) fields.request(f, v, fieldGrid(f, GRID), LEVELS, source);
        },
        (message) => refuse(f === fn, message),
      );
    simulate(scene);
    requestField(fn, view);
    const unsubscribe = store.subscribe((state) => {
      const next = selectScene(state);
      if (!sameTrajectories(next, scene)) {
        scene = next;
        simulate(scene);
      }
      const [nextFn, nextView] = fieldInputs(state);
      if (nextFn !== fn || nextView !== view) {
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
    };
  }, [store, compiler, pipeline]);

  return pipeline;
}
