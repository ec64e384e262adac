import { useId, useState } from 'react';
import { CUSTOM_ID } from '../../engine/expr/custom.ts';
import { isUserModel } from '../../engine/data/userModel.ts';
import { dataModels, functions, getFunction } from '../../engine/functions/index.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { CsvDialog } from '../csv/CsvDialog.tsx';

/** The menu entry that opens the dialog for the user's own data rather than choosing a function. */
const YOUR_DATA = 'your-data';

/**
 * The test function, by display name; choosing one resets its parameters, view and start. "Your
 * data (CSV)…" opens a dialog; the model of those rows is listed while it is the function.
 */
export function FunctionPicker() {
  const fnId = useLab((s) => s.fn.id);
  const { setFunction } = useLabActions();
  const [asking, setAsking] = useState(false);
  const id = useId();
  return (
    <div className="ctl-field">
      <label className="ctl-label" htmlFor={id}>
        Function
      </label>
      <select
        id={id}
        className="ctl-select"
        value={fnId}
        onChange={(e) => {
          if (e.target.value === YOUR_DATA) setAsking(true);
          else setFunction(e.target.value);
        }}
      >
        {functions.map((fn) => (
          <option key={fn.id} value={fn.id}>
            {fn.name}
          </option>
        ))}
        <option value={CUSTOM_ID}>Custom f(x, y)</option>
        <optgroup label="Losses made of data">
          {dataModels.map((fn) => (
            <option key={fn.id} value={fn.id}>
              {fn.name}
            </option>
          ))}
          {isUserModel(fnId) && <option value={fnId}>{getFunction(fnId)?.name}</option>}
          <option value={YOUR_DATA}>Your data (CSV)…</option>
        </optgroup>
      </select>
      <CsvDialog open={asking} onClose={() => setAsking(false)} />
    </div>
  );
}
