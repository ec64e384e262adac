import { channelLater } from './fieldService.ts';
import type { LineRequest } from './lineProtocol.ts';
import { LineService } from './lineService.ts';
import type { ToNetworkWorker } from './networkProtocol.ts';
import { NetworkService } from './networkService.ts';
import { prepareNetwork, type PrepareNetwork } from './prepareNetwork.ts';
import type { TrainerLinkMessage } from './trainerProtocol.ts';

const host = {
  post: (message: unknown, transfer: Transferable[]) => postMessage(message, transfer),
  later: channelLater(),
  now: () => performance.now(),
};
/** The network worker: one NetworkService, a newer request replacing the one in progress. */
const service = new NetworkService(host);
/** Beside it, the line between two runs' ends: its own jobs, which never stop the service's. */
const line = new LineService(host);

addEventListener(
  'message',
  (event: MessageEvent<ToNetworkWorker | LineRequest | TrainerLinkMessage | PrepareNetwork>) => {
    const message = event.data;
    if (message.type === 'prepare') prepareNetwork(message.scene);
    else if (message.type === 'line') line.receive(message);
    else if (message.type === 'trainer') service.connectTrainer(message.port);
    else {
      if (message.type === 'cancel') line.cancel();
      service.receive(message);
    }
  },
);
