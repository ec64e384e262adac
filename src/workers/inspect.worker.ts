import { inspectRun } from '../engine/inspect.ts';
import { inspectionBuffers, type InspectAnswer, type InspectRequest } from './inspectProtocol.ts';
import { Objectives } from './objective.ts';
import { answerOf } from './answer.ts';

/** This worker's objectives (a worker's module scope is its own). */
const objectives = new Objectives();

/** Records one optimizer's run per request; the client sends one at a time. */
addEventListener('message', (event: MessageEvent<InspectRequest>) => {
  const { requestId, scene, index, objective } = event.data;
  const [answer, transfer] = answerOf<InspectAnswer>(requestId, () => {
    const inspection = inspectRun(
      scene,
      index,
      undefined,
      objectives.for(scene.fn, objective, scene.noise.seed),
    );
    return {
      answer: { type: 'inspect', requestId, inspection },
      transfer: inspectionBuffers(inspection),
    };
  });
  postMessage(answer, transfer);
});
