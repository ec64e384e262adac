import { simulate } from '../engine/index.ts';
import { getFunction } from '../engine/functions/index.ts';
import { defaultScene } from '../preset/defaults.ts';
import { contourField } from '../engine/field.ts';
import type { FromWorker, SceneResult, ToWorker } from './protocol.ts';

/** Contour levels per view: enough to read a valley, few enough to stay calm. */
const LEVELS = 24;

function compute(msg: ToWorker): SceneResult {
  const scene = msg.scene === 'default' ? defaultScene() : msg.scene;
  const fn = getFunction(scene.fn.id);
  if (!fn) throw new Error(`Unknown test function "${scene.fn.id}"`);
  const { runs } = simulate(scene);
  const field = contourField(fn.create(scene.fn.params), scene.view, msg.gridSize, LEVELS);
  return {
    scene,
    fnName: fn.name,
    formula: fn.formula,
    minima: fn.minima(scene.fn.params),
    runs,
    field,
  };
}

/** Every distinct buffer behind the runs' columns, each listed once (a repeat would throw). */
function transferables(result: SceneResult): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const run of result.runs) {
    for (const column of [run.x, run.y, run.f, run.lr]) buffers.add(column.buffer as ArrayBuffer);
  }
  return [...buffers];
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  let reply: FromWorker;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = compute(msg);
    reply = { type: 'result', runId: msg.runId, result };
    transfer = transferables(result);
  } catch (error) {
    reply = { type: 'error', runId: msg.runId, message: describe(error) };
  }
  postMessage(reply, transfer);
});
