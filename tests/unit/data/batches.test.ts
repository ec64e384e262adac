import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchOrder, shuffled } from '../../../src/engine/data/batches.ts';

describe('mini-batches: DataLoader(shuffle=True, drop_last=False) with our generator', () => {
  it('each epoch takes every training example once, B at a time, the last batch smaller', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, b, seed) => {
          const batch = Math.min(b, n);
          const order = new BatchOrder(n, batch, seed);
          const m = Math.ceil(n / batch);
          expect(order.perEpoch).toBe(m);
          for (const epoch of [0, 1, 7]) {
            const seen: number[] = [];
            for (let j = 0; j < m; j++) {
              const indices = order.indices(epoch * m + j);
              expect(indices.length).toBe(j < m - 1 ? batch : n - (m - 1) * batch);
              seen.push(...indices);
            }
            expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('epochs are shuffled afresh, the same for the same seed, in any order of asking', () => {
    const order = new BatchOrder(50, 50, 3);
    const epochs = [0, 1, 2, 3, 4, 5].map((e) => order.indices(e));
    expect(new Set(epochs.map((e) => e.join())).size).toBe(6);
    // Asked backwards, past the epochs kept, by another order of the same seed: the same batches.
    const again = new BatchOrder(50, 50, 3);
    for (const e of [5, 4, 3, 2, 1, 0]) expect(again.indices(e)).toEqual(epochs[e]);
    expect(new BatchOrder(50, 50, 4).indices(0)).not.toEqual(epochs[0]);
  });

  it('without a step, the whole training set in order', () => {
    const order = new BatchOrder(5, 2, 1);
    order.select();
    expect([order.from, order.to, ...order.perm]).toEqual([0, 5, 0, 1, 2, 3, 4]);
  });

  it('a shuffle is the same permutation on every engine (pinned: links must keep their meaning)', () => {
    expect(Array.from(shuffled(10, 1))).toEqual(Array.from(shuffled(10, 1)));
    expect(Array.from(shuffled(10, 1))).toMatchInlineSnapshot(`
      [
        2,
        6,
        1,
        8,
        4,
        9,
        5,
        3,
        7,
        0,
      ]
    `);
  });
});
