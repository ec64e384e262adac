import { inspectRun } from '../engine/inspect.ts';
import { inspectionBuffers, type InspectAnswer, type InspectRequest } from './inspectProtocol.ts';
import { errorMessage } from './errorMessage.ts';
import { objectiveFor } from './objective.ts';

/** Records one optimizer's run per request; the client sends one at a time. */
addEventListener('message', (event: MessageEvent<InspectRequest>) => {
  const { requestId, scene, index, objective } = event.data;
  let answer: InspectAnswer;
  let transfer: ArrayBuffer[] = [];
  try {
    const inspection = inspectRun(scene, index, undefined, objectiveFor(scene.fn, objective));
    answer = { type: 'inspect', requestId, inspection };
    transfer = inspectionBuffers(inspection);
  } catch (error) {
    answer = {
      type: 'error',
      requestId,
      message: errorMessage(error),
    };
  }
  postMessage(answer, transfer);
});
