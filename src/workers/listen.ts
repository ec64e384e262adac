/**
 * Wires a worker's events: each message's data to `onMessage`; a crash, a script that cannot load
 * or an unreadable message to `onFail` with a reason (the error is handled, not logged as uncaught).
 */
export function listen<T>(
  worker: Worker,
  onMessage: (data: T) => void,
  onFail: (reason: string) => void,
  loadFailure = 'the worker script could not be loaded',
): Worker {
  worker.addEventListener('message', (event: MessageEvent<T>) => onMessage(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onFail(event.message || loadFailure);
  });
  worker.addEventListener('messageerror', () => onFail('a message could not be read'));
  return worker;
}
