import { useEffect } from 'react';
import type { LabStore } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';

/** Where keys belong to the focused control: typing, or a widget that uses arrows itself. */
const OWNS_KEYS =
  'input, select, textarea, [contenteditable]:not([contenteditable="false"]), ' +
  '[role="slider"], [role="spinbutton"], [role="listbox"], [role="combobox"], [role="tablist"], ' +
  '[role="menu"], [role="radiogroup"], [role="grid"], [role="textbox"]';
/** Where Space already clicks the focused element. */
const OWNS_SPACE = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]';

/** Stores whose keys are already bound: a second binding would toggle Space twice. */
const bound = new WeakSet<LabStore>();

/**
 * Playback keys on the whole page: Space plays or pauses, ← / → step by 1 (with Shift by 10% of
 * the steps), Home / End jump to the first or last step. Ignored while focus is in a field or a
 * control that uses those keys. Call it once per page (App does); a second caller is a no-op.
 * <Playback /> shows the keys in its hint.
 */
export function useShortcuts(): void {
  const store = useLabStore();
  useEffect(() => {
    if (bound.has(store)) return;
    bound.add(store);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (
        target?.closest(OWNS_KEYS) ||
        (target instanceof HTMLElement && target.isContentEditable)
      ) {
        return;
      }
      const { playback, steps, actions } = store.getState();
      switch (event.key) {
        case ' ':
          if (target?.closest(OWNS_SPACE)) return;
          // A held Space would flicker between play and pause.
          if (!event.repeat) {
            if (playback.playing) actions.pause();
            else actions.play();
          }
          break;
        case 'ArrowLeft':
        case 'ArrowRight': {
          const by = event.shiftKey ? Math.max(1, Math.round(steps / 10)) : 1;
          actions.seek(playback.step + (event.key === 'ArrowLeft' ? -by : by));
          break;
        }
        case 'Home':
          actions.seek(0);
          break;
        case 'End':
          actions.seek(steps);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      bound.delete(store);
    };
  }, [store]);
}
