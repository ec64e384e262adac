import type { BoundaryRequest } from './boundaryProtocol.ts';
import { BoundaryService } from './boundaryService.ts';

/** The decision-boundary worker: one request at a time (the client sends the newest only). */
const service = new BoundaryService();

addEventListener('message', (event: MessageEvent<BoundaryRequest>) => {
  const [answer, transfer] = service.answer(event.data);
  postMessage(answer, transfer);
});
