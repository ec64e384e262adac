import { describe, expect, it } from 'vitest';
import { Motion, SETTLE_MS, Settle } from '../../../src/render/settle.ts';

describe('Settle', () => {
  it('settles a stamp SETTLE_MS after it was first drawn, and says when the next one will', () => {
    const s = new Settle();
    s.observe([1, 2], 1000);
    s.observe([1, 2, 3], 1100);
    expect(s.settled(1, 1000 + SETTLE_MS - 1)).toBe(false);
    expect(s.settled(1, 1000 + SETTLE_MS)).toBe(true);
    expect(s.settled(3, 1000 + SETTLE_MS)).toBe(false);
    expect(s.next(1150)).toBe(SETTLE_MS - 150);
    // Past the first due time with no frame since: the frame at 1100 is owed a redraw at once.
    expect(s.next(1000 + SETTLE_MS)).toBe(0);
    s.observe([1, 2, 3], 1000 + SETTLE_MS);
    expect(s.next(1000 + SETTLE_MS)).toBe(100);
    s.observe([1, 2, 3], 1100 + SETTLE_MS);
    expect(s.next(1100 + SETTLE_MS)).toBeNull();
    expect(s.settled(4, 1e9)).toBe(false);
  });

  it('owes a redraw to a frame that drew a stamp unsettled, however late it asks', () => {
    // CI caught this: a frame started 5 ms before its paths settled, took 10 ms to draw, then
    // asked when to come back; judged as of the asking, nothing waited, and the paths stayed in
    // draft at rest.
    const s = new Settle();
    s.observe([1], 0);
    s.observe([1], SETTLE_MS - 5);
    expect(s.settled(1, SETTLE_MS - 5)).toBe(false);
    expect(s.next(SETTLE_MS + 5)).toBe(0);
  });

  it('forgets stamps no longer drawn, so a stamp seen again starts over', () => {
    const s = new Settle();
    s.observe([1, 2], 0);
    s.observe([2], 10);
    s.observe([1, 2], 500);
    expect(s.settled(1, 500 + SETTLE_MS - 1)).toBe(false);
    expect(s.settled(2, 500)).toBe(true);
  });
});

describe('Motion', () => {
  it('is fresh for SETTLE_MS after each change, and its first value is at rest', () => {
    const m = new Motion<number>(Object.is);
    expect(m.moving(1, 0)).toBe(false);
    expect(m.next(0)).toBeNull();
    expect(m.moving(2, 100)).toBe(true);
    expect(m.next(150)).toBe(SETTLE_MS - 50);
    expect(m.moving(2, 100 + SETTLE_MS)).toBe(false);
    expect(m.next(100 + SETTLE_MS)).toBeNull();
  });

  it('owes a redraw to a frame that drew it moving, however late it asks', () => {
    const m = new Motion<number>(Object.is);
    m.moving(1, 0);
    m.moving(2, 10);
    expect(m.moving(2, 10 + SETTLE_MS - 5)).toBe(true);
    expect(m.next(10 + SETTLE_MS + 5)).toBe(0);
  });
});
