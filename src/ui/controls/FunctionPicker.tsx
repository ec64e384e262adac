import { useId } from 'react';
import { CUSTOM_ID } from '../../engine/expr/custom.ts';
import { dataModels, functions } from '../../engine/functions/index.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';

/** The test function, by display name; choosing one resets its parameters, view and start. */
export function FunctionPicker() {
  const fnId = useLab((s) => s.fn.id);
  const { setFunction } = useLabActions();
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
        onChange={(e) => setFunction(e.target.value)}
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
        </optgroup>
      </select>
    </div>
  );
}
