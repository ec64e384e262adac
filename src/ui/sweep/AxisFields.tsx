import { useId, useState } from 'react';
import { checkAxis } from '../../engine/sweep/index.ts';
import type { Axis } from '../../engine/sweep/types.ts';
import { useLabStore } from '../../state/useLab.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { axisFor, type PathChoice } from './axisChoices.ts';

/** The parts of an axis a reader sets, each with its own problem message. */
type Part = 'path' | 'from' | 'to' | 'count' | 'scale';

/**
 * One axis of a sweep: what varies (a menu of `choices`), from, to, count and log. A change is
 * checked with checkAxis against the current scene; a refused one stays out of the store (so
 * nothing is computed) and its message shows next to the field that was changed.
 */
export function AxisFields({
  legend,
  axis,
  where,
  choices,
  onAxis,
}: {
  readonly legend: string;
  readonly axis: Axis;
  /** The axis's place in the preset, which its messages start with: "sweep.map.axes[0]". */
  readonly where: string;
  readonly choices: readonly PathChoice[];
  readonly onAxis: (axis: Axis) => void;
}) {
  const store = useLabStore();
  const id = useId();
  const [problems, setProblems] = useState<Partial<Record<Part, string | null>>>({});
  const show = (part: Part, problem: string | null) =>
    setProblems((p) => (p[part] === problem ? p : { ...p, [part]: problem }));
  /** The first problem of `next` over the current scene, or null. */
  const check = (next: Axis): string | null =>
    checkAxis(store.getState().scene, next, where)[0] ?? null;
  /** Applies `next` when it is valid; otherwise shows why next to `part`. */
  const apply = (part: Part, next: Axis) => {
    const problem = check(next);
    show(part, problem);
    if (problem === null) onAxis(next);
  };
  const message = (part: Part) => {
    const text = problems[part] ?? null;
    return (
      <p id={`${id}-${part}-problem`} className="ctl-problem" aria-live="polite">
        {text}
      </p>
    );
  };
  const describedBy = (part: Part) => (problems[part] ? `${id}-${part}-problem` : undefined);
  const listed = choices.some((c) => c.path === axis.path);
  const numberField = (part: 'from' | 'to' | 'count', label: string) => (
    <div className="ctl-field sweep-axis-number">
      <label className="ctl-label" htmlFor={`${id}-${part}`}>
        {label}
      </label>
      <NumberField
        id={`${id}-${part}`}
        value={axis[part]}
        check={(v) => check({ ...axis, [part]: v })}
        commit={(v) => onAxis({ ...axis, [part]: v })}
        onProblem={(p) => show(part, p)}
        describedBy={describedBy(part)}
        inputMode={part === 'count' ? 'numeric' : 'text'}
      />
      {message(part)}
    </div>
  );
  return (
    <fieldset className="sweep-axis">
      <legend>{legend}</legend>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={`${id}-path`}>
          Varies
        </label>
        <select
          id={`${id}-path`}
          className="ctl-select"
          value={axis.path}
          aria-describedby={describedBy('path')}
          onChange={(e) =>
            apply('path', axisFor(store.getState().scene, e.target.value, axis.count))
          }
        >
          {!listed && <option value={axis.path}>{axis.path}</option>}
          {choices.map((c) => (
            <option key={c.path} value={c.path}>
              {c.label}
            </option>
          ))}
        </select>
        {message('path')}
      </div>
      <div className="sweep-axis-range">
        {numberField('from', 'From')}
        {numberField('to', 'To')}
        {numberField('count', 'Values')}
        <div className="ctl-field sweep-axis-log">
          <label className="ctl-check">
            <input
              type="checkbox"
              checked={axis.scale === 'log'}
              aria-describedby={describedBy('scale')}
              onChange={(e) =>
                apply('scale', { ...axis, scale: e.target.checked ? 'log' : 'linear' })
              }
            />
            Log scale
          </label>
          {message('scale')}
        </div>
      </div>
    </fieldset>
  );
}
