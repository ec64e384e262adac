import { useEffect, type RefObject } from 'react';

/**
 * Keeps `--sticky-height` on the page's root at the height of `ref`'s element, a block that sticks
 * to the top of the viewport: the stylesheet pads the page's scrolling by it, so a control reached
 * by Tab or scrolled into view lands below the block, not under it.
 */
export function useScrollPadding(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--sticky-height', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--sticky-height');
    };
  }, [ref]);
}
