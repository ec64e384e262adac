/** Sets an element's text only when it changes (no needless layout or announcement). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
