import { useEffect } from 'react';

/** The message an embed sends its parent page whenever its height changes. */
export interface HeightMessage {
  readonly type: 'descent-lab:height';
  /** The embedded page's full height in CSS pixels. */
  readonly height: number;
}

/**
 * Tells the page that frames this one its height whenever it changes, so the parent can size
 * the frame to fit (`postMessage`, to any origin: a height is nothing secret). Nothing when the
 * page is not framed.
 */
export function useParentHeight(): void {
  useEffect(() => {
    if (window.parent === window) return;
    let last = -1;
    const send = () => {
      const height = Math.ceil(document.documentElement.scrollHeight);
      if (height === last) return;
      last = height;
      const message: HeightMessage = { type: 'descent-lab:height', height };
      window.parent.postMessage(message, '*');
    };
    const observer = new ResizeObserver(send);
    observer.observe(document.body);
    send();
    return () => observer.disconnect();
  }, []);
}
