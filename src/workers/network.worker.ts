import { channelLater } from './fieldService.ts';
import type { ToNetworkWorker } from './networkProtocol.ts';
import { NetworkService } from './networkService.ts';

/** The network worker: one NetworkService, a newer request replacing the one in progress. */
const service = new NetworkService({
  post: (message, transfer) => postMessage(message, transfer),
  later: channelLater(),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<ToNetworkWorker>) => service.receive(event.data));
