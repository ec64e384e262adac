import { useState, useSyncExternalStore } from 'react';
import { useLabStore } from '../../state/useLab.ts';
import { formatNumber } from '../format.ts';
import { useSweep } from '../useSweep.ts';
import { bestValues, keyOf, raceCaption } from './curvesText.ts';
import { setOptimizerValue } from './setValue.ts';

/**
 * "Race at their best lr": once the curves are complete, each optimizer takes the value its curve
 * found best, and a caption says exactly how that was found (grid, steps, metric, seeds).
 */
export function RaceButton() {
  const feed = useSweep();
  const store = useLabStore();
  const [done, setDone] = useState('');
  // Re-renders when the curves finish or start again, not for every part.
  const ready = useSyncExternalStore(
    (listener) => feed.subscribe(listener),
    () => {
      const p = feed.current;
      return p?.done && !p.error && p.scene.sweep?.view === 'curves' ? p : null;
    },
  );
  const metric = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getState().sweep?.metric ?? 'final_loss',
  );
  const scene = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.getState().scene,
  );
  const key = ready ? keyOf(ready.plan.axes[0]!) : 'lr';
  const race = () => {
    if (!ready) return;
    const axis = ready.plan.axes[0]!;
    const best = bestValues(ready, metric);
    const labels = store.getState().optimizers.map((o) => o.entry.label);
    const set: string[] = [];
    best.forEach((v, k) => {
      if (v !== null && setOptimizerValue(store, axis.path, k, v)) {
        set.push(`${labels[k]} ${formatNumber(v)}`);
      }
    });
    setDone(set.length > 0 ? `Set ${key}: ${set.join(', ')}.` : 'No optimizer has a best value.');
  };
  return (
    <div className="sweep-race">
      <button type="button" className="ctl-button" disabled={!ready} onClick={race}>
        Race at their best {key}
      </button>
      <p className="sweep-caption">
        {ready ? raceCaption(ready, metric, scene) : 'Available once the curves are complete.'}
      </p>
      <p className="sweep-caption" role="status">
        {done}
      </p>
    </div>
  );
}
