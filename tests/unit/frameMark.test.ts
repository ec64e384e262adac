import { describe, expect, it } from 'vitest';
import { markFrame } from '../../src/ui/landscape/frameMark.ts';

const frames = () => performance.getEntriesByName('descent-lab:draw');
const mark = (count: number) => {
  for (let i = 0; i < count; i++) markFrame({ runId: i });
};

describe('frame marks', () => {
  it('keeps every frame’s mark with its detail, and clears them once over ten thousand', () => {
    performance.clearMarks();
    mark(10_999);
    expect(frames()).toHaveLength(10_999);
    expect((frames().at(-1) as PerformanceMark).detail).toEqual({ runId: 10_998 });
    // Other marks are not the frame mark's to clear.
    performance.mark('descent-lab:simulate');
    markFrame({ runId: -1 });
    expect(frames()).toHaveLength(1);
    expect((frames()[0] as PerformanceMark).detail).toEqual({ runId: -1 });
    expect(performance.getEntriesByName('descent-lab:simulate')).toHaveLength(1);
  });

  it('counts the timeline, so marks cleared by a benchmark do not bring the next clear sooner', () => {
    performance.clearMarks();
    mark(9_500);
    performance.clearMarks();
    mark(9_000);
    expect(frames()).toHaveLength(9_000);
  });
});
