import type { FromNetworkWorker } from '../../../src/workers/networkProtocol.ts';
import { NetworkService } from '../../../src/workers/networkService.ts';
import type { PortEnd, ToTrainer, TrainedRun } from '../../../src/workers/trainerProtocol.ts';
import { TrainerService } from '../../../src/workers/trainerService.ts';

/**
 * A stand-in worker: one queue of tasks (its own `later` tasks and the messages that reach it,
 * in the order they came), run when the test says, on a clock that ticks `tick` ms a read.
 */
class FakeThread {
  readonly tasks: (() => void)[] = [];
  clock = 0;
  dead = false;
  constructor(private readonly tick: number) {}
  readonly later = (task: () => void) => void this.tasks.push(task);
  readonly now = () => (this.clock += this.tick);
  /** Runs its next task; false when it has none (or it died). */
  step(): boolean {
    const task = this.dead ? undefined : this.tasks.shift();
    task?.();
    return task !== undefined;
  }
}

/**
 * One end of a port between two fake threads: a message is structured-cloned with its transfer
 * list (the sender's buffers are detached, as between real workers) and delivered as a task of
 * the receiving thread; nothing reaches or leaves a closed end or a dead thread.
 */
function portEnd<Out, In>(
  to: FakeThread,
  peer: () => PortEnd<In, Out> & { closed: boolean },
  log: (message: Out) => void,
): PortEnd<Out, In> & { closed: boolean } {
  return {
    closed: false,
    onmessage: null,
    postMessage(message, transfer) {
      if (this.closed) return;
      log(message);
      const data = structuredClone(message, { transfer });
      to.later(() => {
        const end = peer();
        if (!end.closed && !to.dead) end.onmessage?.({ data } as MessageEvent<Out>);
      });
    },
    close() {
      this.closed = true;
    },
  };
}

/**
 * The network worker's NetworkService and the trainer's TrainerService on two fake threads,
 * joined by a port as the page joins the real ones, each ticking 15 ms a clock read (a task of
 * TaskedJob's 15 ms does one slice of work). `step` runs one task of each, as two cores would.
 */
export function twoWorkers() {
  const network = new FakeThread(15);
  const trainer = new FakeThread(15);
  const posted: FromNetworkWorker[] = [];
  /** What went over the port, in the order it was sent: requests one way, runs the other. */
  const toTrainer: ToTrainer[] = [];
  const fromTrainer: TrainedRun[] = [];
  const service = new NetworkService({
    post: (message) => posted.push(message),
    later: network.later,
    now: network.now,
  });
  const trainerEnd: PortEnd<TrainedRun, ToTrainer> & { closed: boolean } = portEnd(
    network,
    () => networkEnd,
    (m: TrainedRun) => fromTrainer.push(m),
  );
  const networkEnd: PortEnd<ToTrainer, TrainedRun> & { closed: boolean } = portEnd(
    trainer,
    () => trainerEnd,
    (m: ToTrainer) => toTrainer.push(m),
  );
  const trainerService = new TrainerService({
    post: (message, transfer) => trainerEnd.postMessage(message, transfer),
    later: trainer.later,
    now: trainer.now,
  });
  trainerEnd.onmessage = (event) => trainerService.receive(event.data);
  service.connectTrainer(networkEnd);
  const step = () => {
    const a = network.step();
    const b = trainer.step();
    return a || b;
  };
  return {
    service,
    posted,
    toTrainer,
    fromTrainer,
    network,
    trainer,
    step,
    /** Runs both until neither has anything left. */
    drain: () => {
      while (step());
    },
  };
}
