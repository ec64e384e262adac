import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { parseCsv } from '../../engine/data/csv.ts';
import { MAX_CSV_BYTES, MAX_ROWS } from '../../engine/data/rows.ts';
import { selectScene } from '../../state/store.ts';
import { useLabStore } from '../../state/useLab.ts';
import { sceneWithData } from './dataScene.ts';
import { readCsvFile } from './readFile.ts';
import './csv.css';

/** A file's text longer than this is read but not shown in the text box. */
const SHOWN_CHARS = 2_000_000;

/**
 * The dialog that brings the user's own data: rows pasted into a text box, or a CSV file chosen or
 * dropped. Bad input is named line by line under the box (linked to it for screen readers) and
 * the scene stays as it was; good input replaces the function with a model of the rows.
 */
export function CsvDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const store = useLabStore();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [over, setOver] = useState(false);
  const [titleId, hintId, textId, fileId, errorsId] = [useId(), useId(), useId(), useId(), useId()];

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const apply = (csv: string) => {
    const result = parseCsv(csv);
    if (!result.ok) return setErrors(result.errors);
    setErrors([]);
    const state = store.getState();
    state.actions.loadScene(sceneWithData(selectScene(state), result.examples, result.inputs));
    onClose();
  };
  const takeFile = async (file: File | undefined) => {
    if (!file) return;
    const read = await readCsvFile(file);
    if ('error' in read) return setErrors([read.error]);
    setText(read.text.length <= SHOWN_CHARS ? read.text : '');
    apply(read.text);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void takeFile(e.dataTransfer.files[0]);
  };
  const dragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    setOver(true);
  };

  return (
    <dialog ref={dialog} className="csv-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply(text);
        }}
      >
        <h2 id={titleId} className="ctl-title">
          Your data (CSV)
        </h2>
        <p id={hintId} className="csv-hint">
          Two columns <b>x, y</b>: a linear regression, fitting its slope and intercept. Three
          columns <b>x₁, x₂, label</b> (label 0 or 1): a logistic regression on two weights{' '}
          <b>without a bias term</b>, so its decision boundary passes through the origin. Comma- or
          tab-separated, a header line optional, at most {MAX_ROWS.toLocaleString('en')} rows;
          numbers written as JavaScript reads them (1.5, -2e3: a dot for decimals, whatever the
          language of this computer).
        </p>
        <label htmlFor={textId} className="ctl-label">
          Rows
        </label>
        <textarea
          id={textId}
          className={`csv-text${over ? ' csv-over' : ''}`}
          rows={10}
          spellCheck={false}
          placeholder={'x,y\n0.5,1.2\n1.0,2.1\n…'}
          value={text}
          aria-invalid={errors.length > 0}
          aria-describedby={errors.length > 0 ? `${errorsId} ${hintId}` : hintId}
          onChange={(e) => setText(e.target.value)}
          onDragOver={dragOver}
          onDragLeave={() => setOver(false)}
          onDrop={drop}
        />
        <label htmlFor={fileId} className="ctl-label">
          Or a CSV file (at most {MAX_CSV_BYTES / 1e6} MB; a file dropped on the box above works
          too)
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain"
          onChange={(e) => void takeFile(e.target.files?.[0])}
        />
        {errors.length > 0 && (
          <div id={errorsId} className="csv-errors" role="alert">
            <p>These rows cannot be used; the scene is unchanged:</p>
            <ul>
              {errors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="csv-actions">
          <button type="submit" className="ctl-button">
            Use these rows
          </button>
          <button type="button" className="ctl-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
