/** The map's plot height for a canvas `width` wide (the colour key comes below it). */
export const mapHeight = (width: number): number =>
  Math.round(Math.min(420, Math.max(220, width * 0.72)));

/** Cells a Shift+arrow moves at once. */
const BIG_STEP = 8;

/**
 * The cell an arrow key moves keyboard focus to on a map of nx × ny cells (axis 0 across, axis 1
 * up; cell = i · ny + j), clamped at the edges; Home and End go to the first and last value of
 * axis 0. Null for other keys.
 */
export function moveFocus(
  cell: number,
  key: string,
  shift: boolean,
  nx: number,
  ny: number,
): number | null {
  const step = shift ? BIG_STEP : 1;
  let i = Math.floor(cell / ny);
  let j = cell % ny;
  switch (key) {
    case 'ArrowRight':
      i += step;
      break;
    case 'ArrowLeft':
      i -= step;
      break;
    case 'ArrowUp':
      j += step;
      break;
    case 'ArrowDown':
      j -= step;
      break;
    case 'Home':
      i = 0;
      break;
    case 'End':
      i = nx - 1;
      break;
    default:
      return null;
  }
  i = Math.min(nx - 1, Math.max(0, i));
  j = Math.min(ny - 1, Math.max(0, j));
  return i * ny + j;
}

/** A point of the curves: run `run` at axis value `index`. */
export interface PointAt {
  readonly run: number;
  readonly index: number;
}

/**
 * The point a key moves keyboard focus to on curves of `runs` runs over `count` values: ← → along
 * the axis (Shift: 5 at a time, clamped), ↑ ↓ to the previous or next run (wrapping), Home and
 * End to the ends. Null for other keys.
 */
export function movePoint(
  at: PointAt,
  key: string,
  shift: boolean,
  count: number,
  runs: number,
): PointAt | null {
  const step = shift ? 5 : 1;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
      return { run: at.run, index: clamp(at.index + step) };
    case 'ArrowLeft':
      return { run: at.run, index: clamp(at.index - step) };
    case 'ArrowUp':
      return { run: (at.run + runs - 1) % runs, index: at.index };
    case 'ArrowDown':
      return { run: (at.run + 1) % runs, index: at.index };
    case 'Home':
      return { run: at.run, index: 0 };
    case 'End':
      return { run: at.run, index: count - 1 };
    default:
      return null;
  }
}
