import { errorMessage } from './errorMessage.ts';
import type { ErrorAnswer } from './latestClient.ts';

/**
 * The answer `compute` makes for request `requestId` with the buffers to transfer; what it throws
 * becomes an error answer naming the same request. The worker posts the pair.
 */
export function answerOf<Answer>(
  requestId: number,
  compute: () => { readonly answer: Answer; readonly transfer: Transferable[] },
): [Answer | ErrorAnswer, Transferable[]] {
  try {
    const { answer, transfer } = compute();
    return [answer, transfer];
  } catch (error) {
    return [{ type: 'error', requestId, message: errorMessage(error) }, []];
  }
}
