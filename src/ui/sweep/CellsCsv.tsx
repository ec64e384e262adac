import { useState } from 'react';
import { reportedColumns } from '../../engine/sweep/index.ts';
import type { SweepView } from '../../engine/sweep/types.ts';
import { sweepCsvText } from '../../preset/sweepFormats.ts';
import { useLabStore } from '../../state/useLab.ts';
import { saveFile, textFile } from '../download.ts';
import { useSweep } from '../useSweep.ts';

/**
 * "Cells as CSV": the finished sweep of `view`, one row per cell and optimizer, in the command
 * line's format (preset/sweepFormats: the same columns, names and numbers as `descent-lab sweep`).
 */
export function CellsCsv({ view }: { readonly view: SweepView }) {
  const feed = useSweep();
  const store = useLabStore();
  const [message, setMessage] = useState('');
  const save = () => {
    const progress = feed.current;
    if (!progress || progress.scene.sweep?.view !== view)
      return setMessage('Nothing computed yet.');
    if (!progress.done) return setMessage('Still computing: try again when every cell is in.');
    if (progress.error) return setMessage(progress.error);
    const fn = store.getState().scene.fn.id.replace(/_/g, '-');
    const name = `descent-lab-${fn}-${view}.cells.csv`;
    const columns = reportedColumns(progress.plan, progress.columns);
    saveFile(name, textFile(sweepCsvText(progress.plan, columns), 'text/csv'));
    setMessage(`Saved ${name}.`);
  };
  return (
    <>
      <button type="button" className="ctl-button" onClick={save}>
        Cells as CSV
      </button>
      <span role="status" className="menu-status">
        {message}
      </span>
    </>
  );
}
