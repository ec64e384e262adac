import type { Inspection } from '../../engine/inspect.ts';
import type { OptimizerEntry } from '../../engine/scene.ts';
import { fmt, termRows } from './terms.ts';

/** Every term of step k, with the numbers substituted where the table knows the arithmetic. */
export function TermTable({
  entry,
  inspection,
  step,
}: {
  readonly entry: OptimizerEntry;
  readonly inspection: Inspection;
  readonly step: number;
}) {
  if (step < 1) return <p className="term-empty">At step 0 nothing has been computed yet.</p>;
  const rows = termRows(entry, inspection, step);
  return (
    <table className="term-table" data-step={step}>
      <caption>Step {step}, term by term</caption>
      <thead>
        <tr>
          <th scope="col">term</th>
          <th scope="col">x</th>
          <th scope="col">y</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-term={r.key}>
            <th scope="row">{r.label}</th>
            {r.values.length === 1 ? (
              <td colSpan={2} data-value={r.values[0]}>
                {fmt(r.values[0]!)}
              </td>
            ) : (
              r.values.map((v, c) => (
                <td key={c} data-value={v}>
                  <span className="term-value">{fmt(v)}</span>
                  {r.arithmetic?.[c] && <span className="term-calc">{r.arithmetic[c]}</span>}
                </td>
              ))
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
