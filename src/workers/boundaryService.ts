import { BoundaryKernel } from '../engine/network/boundaryFrame.ts';
import { answerOf } from './answer.ts';
import type { BoundaryAnswer, BoundaryRequest } from './boundaryProtocol.ts';

/**
 * The boundary worker's logic: the frames of a request, on the kernel of its network, which is
 * kept while requests name the same network (a playback's steps, a drag's new runs).
 */
export class BoundaryService {
  #kernel: { key: string; kernel: BoundaryKernel } | null = null;

  /** The answer to `request` and the buffers to transfer with it. */
  answer(request: BoundaryRequest): [BoundaryAnswer, Transferable[]] {
    const { requestId, network, thetas } = request;
    return answerOf<BoundaryAnswer>(requestId, () => {
      const key = JSON.stringify(network);
      if (this.#kernel?.key !== key) this.#kernel = { key, kernel: new BoundaryKernel(network) };
      const { kernel } = this.#kernel;
      const frames = thetas.map((theta) => kernel.frame(theta));
      return {
        answer: { type: 'frames', requestId, frames },
        transfer: frames.map((f) => f.values.buffer as ArrayBuffer),
      };
    });
  }
}
