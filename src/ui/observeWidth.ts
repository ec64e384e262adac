/** An element's width as last laid out, kept by a ResizeObserver. */
export interface ObservedWidth {
  /** The element's client width in CSS pixels at the last layout that changed its size. */
  readonly current: number;
  disconnect(): void;
}

/**
 * Follows `element`'s client width without reading layout on every frame: reading `clientWidth`
 * in a drawing callback after the DOM changed (a slider move re-renders its card) forces a
 * synchronous layout, which then runs again in the frame's own lifecycle. The width is read once
 * here and then only in the observer's callback, where layout is already clean; `onResize` runs
 * after each change.
 */
export function observeWidth(element: HTMLElement, onResize: () => void): ObservedWidth {
  let current = element.clientWidth;
  const observer = new ResizeObserver(() => {
    current = element.clientWidth;
    onResize();
  });
  observer.observe(element);
  return {
    get current() {
      return current;
    },
    disconnect: () => observer.disconnect(),
  };
}
