import type { FieldRequest } from './fieldProtocol.ts';
import { channelLater, FieldService } from './fieldService.ts';

/** The contour worker: one FieldService, answering the page and warming up between requests. */
const service = new FieldService({
  post: (answer, transfer) => postMessage(answer, transfer),
  later: channelLater(),
});

addEventListener('message', (event: MessageEvent<FieldRequest>) => service.request(event.data));
