import { inspectRun } from '../engine/inspect.ts';
import { inspectionBuffers, type InspectAnswer, type InspectRequest } from './inspectProtocol.ts';
import { objectiveFor } from './objective.ts';
import { answerOf } from './answer.ts';

/** Records one optimizer's run per request; the client sends one at a time. */
addEventListener('message', (event: MessageEvent<InspectRequest>) => {
  const { requestId, scene, index, objective } = event.data;
  const [answer, transfer] = answerOf<InspectAnswer>(requestId, () => {
    const inspection = inspectRun(scene, index, undefined, objectiveFor(scene.fn, objective));
    return {
      answer: { type: 'inspect', requestId, inspection },
      transfer: inspectionBuffers(inspection),
    };
  });
  postMessage(answer, transfer);
});
