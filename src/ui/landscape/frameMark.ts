/** The user-timing mark each drawn landscape frame leaves: benchmarks and tests read its detail. */
const FRAME_MARK = 'descent-lab:draw';

/**
 * Frame marks kept before they are cleared: marks stay in the page's performance timeline until
 * cleared (it has no limit), and a playback leaves one a frame — 3,600 a minute at 60 Hz. This
 * many is more than two minutes of frames, longer than any benchmark's drag or test waits.
 */
const KEPT = 10_000;
/** Marks between two counts of the timeline's (a count copies the list of entries). */
const COUNT_EVERY = 1_000;

let marked = 0;

/**
 * Leaves the frame mark with `detail`; once the timeline holds more than KEPT of them, clears
 * them first. The timeline itself is counted, not this module's marks: a benchmark that clears
 * marks before it measures must not lose the ones it then waits for.
 */
export function markFrame(detail: object): void {
  if (++marked % COUNT_EVERY === 0 && performance.getEntriesByName(FRAME_MARK).length > KEPT) {
    performance.clearMarks(FRAME_MARK);
  }
  performance.mark(FRAME_MARK, { detail });
}
