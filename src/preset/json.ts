/** A JSON object. */
export type Json = Record<string, unknown>;

/** obj[key] when it is obj's own key (never an inherited one such as `constructor`). */
export const own = (obj: Json, key: string): unknown =>
  Object.hasOwn(obj, key) ? obj[key] : undefined;

/** True for a JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
