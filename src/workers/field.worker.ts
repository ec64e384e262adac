import { computeField } from '../engine/field.ts';
import type { FieldAnswer, FieldRequest } from './fieldProtocol.ts';
import { objectiveFor } from './objective.ts';
import { answerOf } from './answer.ts';

/** Computes one field per request; the client sends at most one at a time, so none go stale here. */
addEventListener('message', (event: MessageEvent<FieldRequest>) => {
  const { requestId, fn, view, n, levels, objective } = event.data;
  const [answer, transfer] = answerOf<FieldAnswer>(requestId, () => {
    const t0 = performance.now();
    const field = computeField(objectiveFor(fn, objective), view, n, levels);
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
