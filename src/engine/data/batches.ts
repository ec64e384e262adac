import { NormalSource } from '../noise.ts';

/**
 * Which training examples each step's mini-batch holds: torch's
 * `DataLoader(shuffle=True, drop_last=False)` with our generator. Every epoch walks a fresh random
 * permutation of the training set, `batch` examples at a time, its last batch smaller when `batch`
 * does not divide the set. Step k (0-based) takes batch k mod M of epoch ⌊k / M⌋, M = ⌈n / batch⌉.
 *
 * An epoch's permutation is a Fisher–Yates shuffle drawn from a generator seeded by (seed, epoch)
 * alone, so any step's batch is found without drawing the epochs before it; the last few epochs
 * are kept, since the runs of a scene share one order and a worker advances them in turn.
 */
export class BatchOrder {
  /** Batches per epoch. */
  readonly perEpoch: number;
  /** The permutation of the epoch of the step last selected, and that batch's slice of it. */
  perm: Int32Array;
  from = 0;
  to = 0;
  readonly #cache: { epoch: number; perm: Int32Array }[] = [];
  #identity: Int32Array | null = null;

  constructor(
    /** Training examples. */
    readonly n: number,
    /** Examples per batch (1…n). */
    readonly batch: number,
    readonly seed: number,
  ) {
    this.perEpoch = Math.ceil(n / batch);
    this.perm = this.#permutation(0);
  }

  /**
   * Selects step k's batch: its examples are perm[from…to). Without a step, the whole training
   * set in order (the full-batch gradient).
   */
  select(step?: number): void {
    if (step === undefined) {
      this.perm = this.#identity ??= Int32Array.from({ length: this.n }, (_, i) => i);
      this.from = 0;
      this.to = this.n;
      return;
    }
    const epoch = Math.floor(step / this.perEpoch);
    const j = step - epoch * this.perEpoch;
    this.perm = this.#permutation(epoch);
    this.from = j * this.batch;
    this.to = Math.min(this.n, this.from + this.batch);
  }

  /** Step k's batch as a list of training-example indices. */
  indices(step: number): number[] {
    this.select(step);
    return Array.from(this.perm.subarray(this.from, this.to));
  }

  #permutation(epoch: number): Int32Array {
    const cache = this.#cache;
    for (const entry of cache) if (entry.epoch === epoch) return entry.perm;
    const perm = shuffled(this.n, epochSeed(this.seed, epoch));
    cache.unshift({ epoch, perm });
    if (cache.length > 4) cache.pop();
    return perm;
  }
}

/** The generator seed of one epoch's permutation: the scene's seed and the epoch, mixed. */
export const epochSeed = (seed: number, epoch: number): number =>
  (Math.imul(seed | 0, 0x85ebca6b) + Math.imul(epoch + 1, 0xc2b2ae35)) | 0;

/** 0…n − 1 shuffled by Fisher–Yates from the generator seeded with `seed`. */
export function shuffled(n: number, seed: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const source = new NormalSource(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(source.nextUniform() * (i + 1));
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  return perm;
}
