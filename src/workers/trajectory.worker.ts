import { sceneNoise } from '../engine/index.ts';
import { Objectives } from './objective.ts';
import type { FromTrajectoryWorker, SimulateRequest, ToTrajectoryWorker } from './protocol.ts';
import { Pace, TrajectoryJob } from './trajectoryJob.ts';

/** Work between two looks at the message queue, so a newer request never waits long. */
const SLICE_MS = 4;
/**
 * A request's first slice is shorter: its first points go to the page sooner (a drag's frame
 * shows the new run's start at once), the rest follows in full slices.
 */
const FIRST_SLICE_MS = 2;

/** This worker's objectives (a worker's module scope is its own). */
const objectives = new Objectives();
/** The newest request's run id; 0 once cancelled. A slice of an older one stops there. */
let latest = 0;
/** The cost of a step on the last request's function: a drag's next request starts from it. */
let pace = { fn: '', pace: new Pace() };

const post = (msg: FromTrajectoryWorker, transfer: Transferable[] = []) =>
  postMessage(msg, transfer);

/** Resolves after pending messages (a newer request) have been handled. */
const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function paceOf(scene: SimulateRequest['scene'], objective: string | undefined): Pace {
  const fn = JSON.stringify(scene.fn) + (objective ?? '');
  if (pace.fn !== fn) pace = { fn, pace: new Pace() };
  return pace.pace;
}

async function simulate(runId: number, msg: SimulateRequest): Promise<void> {
  const t0 = performance.now();
  const { scene } = msg;
  const objective = objectives.for(scene.fn, msg.objective, scene.noise.seed);
  const job = new TrajectoryJob(
    scene,
    sceneNoise(scene),
    objective,
    msg.skip,
    paceOf(scene, msg.objective),
  );
  for (let slice = FIRST_SLICE_MS; ; slice = SLICE_MS) {
    for (const chunk of job.slice(slice)) {
      const { x, y, f, lr, testF } = chunk;
      const transfer = [x.buffer, y.buffer, f.buffer, lr?.buffer, testF?.buffer].filter(
        (b) => b !== undefined,
      );
      post({ type: 'chunk', runId, ...chunk }, transfer);
    }
    if (job.done) break;
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
