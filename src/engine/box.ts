import type { Box } from './types.ts';

/** True when two boxes have the same corners. */
export const sameBox = (a: Box, b: Box): boolean =>
  a.x[0] === b.x[0] && a.x[1] === b.x[1] && a.y[0] === b.y[0] && a.y[1] === b.y[1];
