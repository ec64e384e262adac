import { channelLater } from './fieldService.ts';
import type { PortEnd, ToTrainer, TrainedRun, TrainerPort } from './trainerProtocol.ts';
import { TrainerService } from './trainerService.ts';
import { prepareNetwork, type PrepareNetwork } from './prepareNetwork.ts';

/** The port to the network worker: the page sends a new one with each new network worker. */
let port: PortEnd<TrainedRun, ToTrainer> | null = null;

/**
 * The network worker's second pair of hands: it trains the runs the network worker hands it over
 * their port, so that a scene's runs train on two cores. The page only connects them.
 */
const service = new TrainerService({
  post: (message, transfer) => port?.postMessage(message, transfer),
  later: channelLater(),
  now: () => performance.now(),
});

addEventListener('message', (event: MessageEvent<TrainerPort | PrepareNetwork>) => {
  if (event.data.type === 'prepare') return prepareNetwork(event.data.scene);
  // Work for the old network worker is of no use to the new one.
  service.stop();
  port?.close();
  port = event.data.port;
  port.onmessage = (e) => service.receive(e.data);
});
