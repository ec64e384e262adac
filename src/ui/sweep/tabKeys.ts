/**
 * The tab a key moves to in a row of `count` tabs (ARIA tabs pattern, wrapping at the ends), or
 * null for a key the tab list does not handle.
 */
export function tabForKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
