/** Longest typed function, in characters. */
export const MAX_EXPR_CHARS = 500;
/** Most nodes a typed function may have. */
export const MAX_NODES = 300;
/** Deepest nesting of parentheses a typed function may have. */
export const MAX_PAREN_DEPTH = 40;
/**
 * Deepest nesting of operators and calls a typed function may have; a chain written without
 * parentheses (`a + b - c`, `a * b / c`) is one level.
 */
export const MAX_DEPTH = 120;
/** Most nodes a derivative may have (as a tree, shared parts counted each time they appear). */
export const MAX_DERIVATIVE_NODES = 50_000;
