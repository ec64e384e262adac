/**
 * The newest value of something computed off the main thread, outside React: producers publish,
 * drawing code subscribes and redraws on the next animation frame.
 */
export class Feed<T> {
  #current: T | null = null;
  readonly #listeners = new Set<() => void>();

  /** The newest value, or null before the first. */
  get current(): T | null {
    return this.#current;
  }

  /** Makes `value` current (or, for the same value, just notifies that it grew). */
  publish(value: T): void {
    this.#current = value;
    for (const listener of this.#listeners) listener();
  }

  /** Calls `listener` after every publish; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
