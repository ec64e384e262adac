import type { Box, Vec2 } from '../types.ts';

/** The `fn.id` of a typed function. */
export const CUSTOM_ID = 'custom';
/** The view a typed function opens with. */
export const customView: Box = { x: [-3, 3], y: [-3, 3] };
/** The start a typed function opens with. */
export const customStart: Vec2 = [-2, 2];
/** The function the Custom choice starts from. */
export const defaultExpression = 'sin(x) * cos(y) + 0.1 * (x^2 + y^2)';
