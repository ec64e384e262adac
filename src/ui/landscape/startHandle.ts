import type { Box, Vec2 } from '../../engine/types.ts';
import type { Scale } from '../../render/frame.ts';
import { roundTo } from '../../render/viewTransform.ts';

/** How close (CSS px) a pointer must come to grab the start point. */
export const GRAB = 12;

/** True when (px, py), in CSS pixels, is close enough to the start to grab it. */
export const nearStart = (scale: Scale, start: Vec2, px: number, py: number): boolean =>
  Math.hypot(px - scale.x(start[0]), py - scale.y(start[1])) <= GRAB;

/** The start a drag to (px, py) sets: the point there, rounded to readable digits of `view`. */
export const startAt = (scale: Scale, view: Box, px: number, py: number): Vec2 => [
  roundTo(scale.invertX(px), view.x[1] - view.x[0]),
  roundTo(scale.invertY(py), view.y[1] - view.y[0]),
];
