import type { CanvasView } from './canvasView.ts';

/** What a canvas of items (a map's cells, the curves' points) tells the shared input handling. */
export interface Items<T> {
  /** The item under a point in CSS pixels, or null. */
  pick(px: number, py: number): T | null;
  /** The item a key moves keyboard focus to from `at`, or null for a key it does not handle. */
  move(at: T, key: string, shift: boolean): T | null;
  /** Where keyboard focus starts, or null while there is nothing to focus. */
  start(): T | null;
  /** Whether `at` is still an item (a new sweep may have fewer). */
  valid(at: T): boolean;
  /** Equal items (hovering the same one again redraws nothing). */
  same(a: T, b: T): boolean;
  /** Loads the item into the scene: a click, Enter or Space. */
  activate(at: T): void;
}

/** What is hovered, and what has keyboard focus while the canvas has it. */
export interface Picked<T> {
  readonly hover: T | null;
  readonly focus: T | null;
}

/**
 * Hover by pointer, focus by keyboard (arrow keys as `items.move` says), activation by click,
 * Enter or Space, on `view`'s canvas; every change asks the view for a drawing.
 */
export function attachPicking<T>(
  view: CanvasView,
  canvas: HTMLCanvasElement,
  items: Items<T>,
): Picked<T> {
  let hover: T | null = null;
  let focus: T | null = null;
  const same = (a: T | null, b: T | null) =>
    a === null || b === null ? a === b : items.same(a, b);
  const current = () => {
    if (focus !== null && !items.valid(focus)) focus = null;
    return focus;
  };
  view.on('pointermove', (e) => {
    const next = items.pick(e.offsetX, e.offsetY);
    if (same(next, hover)) return;
    hover = next;
    view.schedule();
  });
  view.on('pointerleave', () => {
    hover = null;
    view.schedule();
  });
  view.on('click', (e) => {
    const at = items.pick(e.offsetX, e.offsetY);
    if (at === null) return;
    focus = at;
    items.activate(at);
    view.schedule();
  });
  view.on('focus', () => {
    focus = current() ?? items.start();
    view.schedule();
  });
  view.on('blur', view.schedule);
  view.on('keydown', (e) => {
    const at = current();
    if (at === null) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      items.activate(at);
      return;
    }
    const next = items.move(at, e.key, e.shiftKey);
    if (next === null) return;
    e.preventDefault();
    focus = next;
    hover = null;
    view.schedule();
  });
  return {
    get hover() {
      return hover !== null && items.valid(hover) ? hover : null;
    },
    get focus() {
      return document.activeElement === canvas ? current() : null;
    },
  };
}
