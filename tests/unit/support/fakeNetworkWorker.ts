import type { LineRequest } from '../../../src/workers/lineProtocol.ts';
import { LineService } from '../../../src/workers/lineService.ts';
import type { ToNetworkWorker } from '../../../src/workers/networkProtocol.ts';
import { NetworkService } from '../../../src/workers/networkService.ts';
import type { TrainerLinkMessage } from '../../../src/workers/trainerProtocol.ts';

/**
 * A stand-in network worker running the real NetworkService and LineService as network.worker.ts
 * wires them; its tasks wait until the test runs them, on a clock that ticks 5 ms a read (a task
 * of the services' 15 ms does a few slices of work).
 */
export class FakeNetworkWorker extends EventTarget {
  clock = 0;
  messages: (ToNetworkWorker | LineRequest | TrainerLinkMessage)[] = [];
  terminated = false;
  readonly tasks: (() => void)[] = [];
  readonly host = {
    post: (data: unknown) => this.dispatchEvent(Object.assign(new Event('message'), { data })),
    later: (task: () => void) => this.tasks.push(task),
    now: () => (this.clock += 5),
  };
  readonly service = new NetworkService(this.host);
  readonly line = new LineService(this.host);
  postMessage(msg: ToNetworkWorker | LineRequest | TrainerLinkMessage) {
    this.messages.push(msg);
    if (msg.type === 'line') this.line.receive(msg);
    else if (msg.type === 'trainer') this.service.connectTrainer(msg.port);
    else {
      if (msg.type === 'cancel') this.line.cancel();
      this.service.receive(msg);
    }
  }
  terminate() {
    this.terminated = true;
  }
  run() {
    while (this.tasks.length && !this.terminated) this.tasks.shift()!();
  }
  crash(message = 'boom') {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}
