import { computeField } from '../engine/field.ts';
import type { FieldAnswer, FieldRequest } from './fieldProtocol.ts';
import { Objectives } from './objective.ts';
import { answerOf } from './answer.ts';

/** This worker's objectives (a worker's module scope is its own). */
const objectives = new Objectives();
/** The samples of the last field, reused: a fresh 2 MB array per view kept the GC busy. */
let scratch = new Float64Array(0);

/** Computes one field per request; the client sends at most one at a time, so none go stale here. */
addEventListener('message', (event: MessageEvent<FieldRequest>) => {
  const { requestId, fn, view, n, levels, objective } = event.data;
  const [answer, transfer] = answerOf<FieldAnswer>(requestId, () => {
    const t0 = performance.now();
    if (scratch.length !== n * n) scratch = new Float64Array(n * n);
    const field = computeField(objectives.for(fn, objective), view, n, levels, scratch);
    return {
      answer: { type: 'field', requestId, field, ms: performance.now() - t0 },
      // Each array owns its buffer; a Set still guards against listing one twice.
      transfer: [
        ...new Set([field.levels.buffer, field.bands.buffer, ...field.lines.map((l) => l.buffer)]),
      ],
    };
  });
  postMessage(answer, transfer);
});
