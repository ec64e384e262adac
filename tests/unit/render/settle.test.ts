import { describe, expect, it } from 'vitest';
import { SETTLE_MS, Settle } from '../../../src/render/settle.ts';

describe('Settle', () => {
  it('settles a stamp SETTLE_MS after it was first drawn, and says when the next one will', () => {
    const s = new Settle();
    s.observe([1, 2], 1000);
    s.observe([1, 2, 3], 1100);
    expect(s.settled(1, 1000 + SETTLE_MS - 1)).toBe(false);
    expect(s.settled(1, 1000 + SETTLE_MS)).toBe(true);
    expect(s.settled(3, 1000 + SETTLE_MS)).toBe(false);
    expect(s.next(1050)).toBe(SETTLE_MS - 50);
    expect(s.next(1000 + SETTLE_MS)).toBe(100);
    expect(s.next(1100 + SETTLE_MS)).toBeNull();
    expect(s.settled(4, 1e9)).toBe(false);
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
