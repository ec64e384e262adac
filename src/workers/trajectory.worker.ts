import { Trajectory, sceneNoise } from '../engine/index.ts';
import { Objectives } from './objective.ts';
import type { FromTrajectoryWorker, SimulateRequest, ToTrajectoryWorker } from './protocol.ts';

/** Work between two looks at the message queue, so a newer request never waits long. */
const SLICE_MS = 8;
/** Steps advanced at a time before checking the clock. */
const BLOCK = 512;

/** This worker's objectives (a worker's module scope is its own). */
const objectives = new Objectives();
/** The newest request's run id; 0 once cancelled. A slice of an older one stops there. */
let latest = 0;

const post = (msg: FromTrajectoryWorker, transfer: Transferable[] = []) =>
  postMessage(msg, transfer);

/** Resolves after pending messages (a newer request) have been handled. */
const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function simulate(runId: number, msg: SimulateRequest): Promise<void> {
  const t0 = performance.now();
  const { scene } = msg;
  const noise = sceneNoise(scene);
  const objective = objectives.for(scene.fn, msg.objective, scene.noise.seed);
  const runs = scene.optimizers.map((entry, k) =>
    msg.skip[k] ? null : new Trajectory(scene, entry, noise, objective),
  );
  const sent = runs.map(() => 0);
  const finished = runs.map((t) => t === null);
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    let pending = false;
    for (const t of runs) {
      if (!t) continue;
      while (!t.done && performance.now() < sliceEnd) t.advance(BLOCK);
      pending ||= !t.done;
    }
    runs.forEach((t, run) => {
      if (!t) return;
      const from = sent[run]!;
      if (finished[run] || (t.length === from && !t.done)) return;
      finished[run] = t.done;
      // Copies of the new points only: the trajectory keeps its buffers for the next slice.
      const x = t.x.slice(from, t.length);
      const y = t.y.slice(from, t.length);
      const f = t.f.slice(from, t.length);
      const testF = t.testLosses(from, t.length) ?? undefined;
      const lr = from === 0 ? t.lr.slice() : undefined;
      sent[run] = t.length;
      const transfer = [x.buffer, y.buffer, f.buffer, lr?.buffer, testF?.buffer].filter(
        (b) => b !== undefined,
      );
      const { divergedAt, done } = t;
      post({ type: 'chunk', runId, run, from, x, y, f, testF, lr, divergedAt, done }, transfer);
    });
    if (!pending) break;
    await yieldToQueue();
    if (runId !== latest) return;
  }
  post({ type: 'done', runId, ms: performance.now() - t0 });
}

addEventListener('message', (event: MessageEvent<ToTrajectoryWorker>) => {
  const msg = event.data;
  if (msg.type === 'cancel') {
    latest = 0;
    return;
  }
  latest = msg.runId;
  simulate(msg.runId, msg).catch((error: unknown) => {
    post({
      type: 'error',
      runId: msg.runId,
      message: error instanceof Error ? error.message : String(error),
    });
  });
});
