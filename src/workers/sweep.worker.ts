import { channelLater } from './fieldService.ts';
import { SweepService } from './sweepService.ts';
import type { ToSweepWorker } from './sweepProtocol.ts';

/** The sweep worker: one SweepService, computing the parts the page hands it. */
const service = new SweepService({
  post: (answer, transfer) => postMessage(answer, transfer),
  later: channelLater(),
});

addEventListener('message', (event: MessageEvent<ToSweepWorker>) => service.receive(event.data));
