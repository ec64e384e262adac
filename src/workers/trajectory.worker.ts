import { Trajectory, sceneNoise } from '../engine/index.ts';
import { Objectives } from './objective.ts';
import type { FromTrajectoryWorker, SimulateRequest, ToTrajectoryWorker } from './protocol.ts';

/** Work between two looks at the message queue, so a newer request never waits long. */
const SLICE_MS = 8;
/**
 * Steps advanced at a time before checking the clock: from FIRST_BLOCK, doubled while a block
 * takes under a millisecond and halved past BLOCK_MS, so a slice keeps its length whatever a step
 * costs (a step of a formula takes nanoseconds, one of a loss made of data a pass over the data).
 */
const FIRST_BLOCK = 16;
const MAX_BLOCK = 4096;
const BLOCK_MS = 2;

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
  let block = FIRST_BLOCK;
  for (;;) {
    const sliceEnd = performance.now() + SLICE_MS;
    let pending = false;
    for (const t of runs) {
      if (!t) continue;
      for (let now = performance.now(); !t.done && now < sliceEnd;) {
        t.advance(block);
        const took = performance.now() - now;
        now += took;
        if (took < BLOCK_MS / 2) block = Math.min(MAX_BLOCK, block * 2);
        else if (took > BLOCK_MS) block = Math.max(1, block >> 1);
      }
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
