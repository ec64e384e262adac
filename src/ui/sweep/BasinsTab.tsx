import { useId, useMemo } from 'react';
import { functionOf } from '../../engine/functions/index.ts';
import {
  MAX_BASIN_RESOLUTION,
  MIN_BASIN_RESOLUTION,
  type SweepSpec,
} from '../../engine/sweep/index.ts';
import type { Vec2 } from '../../engine/types.ts';
import { divergedColour, unconvergedColour } from '../../render/basinColours.ts';
import type { SweepPicture } from '../../render/frame.ts';
import { sameFunction } from '../../render/sweepShown.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { formatPoint } from '../format.ts';
import { basinLegend, percent, rampColours, rampSteps } from './basinLegend.ts';
import { LabelledNumber } from './LabelledNumber.tsx';
import { OptimizerOptions } from './OptimizerOptions.tsx';
import { useSweepPicture } from './useSweepPicture.ts';
import './basins.css';

/** Resolutions offered (starts per side); the preset may hold any other in range. */
const RESOLUTIONS = [32, 64, 128, 256] as const;
/** The preset's rule for sweep.tol. */
const tolRange = { min: 0 };
const NO_MINIMA: readonly Vec2[] = [];

/**
 * The basin map's tab: which optimizer, how many starts, the tol a start must reach; the legend
 * (each minimum's hue with its number and coordinates — the same number marks it on the map — its
 * lightness ramp from few to many steps, the two reserved colours) and where the starts went.
 */
export function BasinsTab() {
  const sweep = useLab((s) => s.sweep);
  const fn = useLab((s) => s.fn);
  const { setSweep } = useLabActions();
  const picture = useSweepPicture();
  const optimizerId = useId();
  const resolutionId = useId();
  if (!sweep) return null;
  const set = (basins: Partial<SweepSpec['basins']>, tol = sweep.tol) =>
    setSweep({ ...sweep, basins: { ...sweep.basins, ...basins }, tol });
  const minima = functionOf(fn)?.minima(fn.params) ?? NO_MINIMA;
  const shown =
    picture?.scene.sweep?.view === 'basins' && sameFunction(picture.scene.fn, fn) ? picture : null;
  const resolutions = [...new Set([...RESOLUTIONS, sweep.basins.resolution])].sort((a, b) => a - b);
  return (
    <div className="sweep-view basins-view">
      <div className="ctl-grid">
        <div className="ctl-field">
          <label className="ctl-label" htmlFor={optimizerId}>
            Optimizer
          </label>
          <select
            id={optimizerId}
            className="ctl-select"
            value={sweep.basins.optimizer}
            onChange={(e) => set({ optimizer: Number(e.target.value) })}
          >
            <OptimizerOptions />
          </select>
        </div>
        <div className="ctl-field">
          <label className="ctl-label" htmlFor={resolutionId}>
            Starts per side
          </label>
          <select
            id={resolutionId}
            className="ctl-select"
            value={sweep.basins.resolution}
            onChange={(e) => set({ resolution: Number(e.target.value) })}
          >
            {resolutions
              .filter((r) => r >= MIN_BASIN_RESOLUTION && r <= MAX_BASIN_RESOLUTION)
              .map((r) => (
                <option key={r} value={r}>
                  {r} × {r}
                </option>
              ))}
          </select>
        </div>
        <LabelledNumber
          label="Reached when f ≤ f_min + tol"
          value={sweep.tol}
          check={(v) => numberProblem(v, tolRange)}
          commit={(tol) => set({}, tol)}
        />
      </div>
      {shown && <BasinKey picture={shown} minima={minima} />}
    </div>
  );
}

/** The legend and the counts of the map shown. */
function BasinKey({
  picture,
  minima,
}: {
  readonly picture: SweepPicture;
  readonly minima: readonly Vec2[];
}) {
  // A tally of every start: once per picture the tab renders, not per scene change (a drag).
  const known = minima.length;
  const { reading, count, tally } = useMemo(() => basinLegend(picture, known), [picture, known]);
  const n = picture.plan.axes[0]!.count;
  const label = picture.scene.optimizers[picture.plan.only?.[0] ?? 0]?.label ?? '';
  return (
    <>
      <p className="sweep-caption">
        {n} × {n} starts of {label} over the view, {reading.steps} steps each.
      </p>
      {!reading.known && count > 0 && (
        <p className="ctl-note">
          This function’s minima are not known: starts are grouped by where they end, lowest end
          first, and not shaded by steps.
        </p>
      )}
      {!reading.known && count === 0 && (
        <p className="ctl-note">This function has no known minimum for a start to reach.</p>
      )}
      {tally.total > 0 && tally.diverged === tally.total && (
        <p className="ctl-note">
          Every start diverged: this learning rate is too large anywhere in the view.
        </p>
      )}
      <table className="basin-key">
        <caption>Where the starts went</caption>
        <thead>
          <tr>
            <th scope="col">Colour</th>
            <th scope="col">{reading.known ? 'Minimum' : 'End'}</th>
            <th scope="col">Starts</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: count }, (_, k) => (
            <tr key={k}>
              <td>
                <span className="basin-ramp" aria-hidden="true">
                  {(reading.known ? rampColours(k) : rampColours(k, 1)).map((c, s) => (
                    <span key={s} style={{ background: c }} />
                  ))}
                </span>
              </td>
              <th scope="row">
                {k + 1}
                {reading.known && minima[k] ? ` ${formatPoint(...(minima[k] as Vec2))}` : ''}
              </th>
              <td>{percent(tally.reached[k]!, tally.total)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <span
                className="basin-swatch"
                style={{ background: divergedColour() }}
                aria-hidden="true"
              />
            </td>
            <th scope="row">Diverged</th>
            <td>{percent(tally.diverged, tally.total)}</td>
          </tr>
          {(reading.known || tally.unconverged > 0) && (
            <tr>
              <td>
                <span
                  className="basin-swatch"
                  style={{ background: unconvergedColour() }}
                  aria-hidden="true"
                />
              </td>
              <th scope="row">{reading.known ? 'Not within tol' : 'No minimum'}</th>
              <td>{percent(tally.unconverged, tally.total)}</td>
            </tr>
          )}
        </tbody>
      </table>
      {reading.known && count > 0 && (
        <p className="basin-steps">
          Lighter = fewer steps to reach the minimum (log scale:{' '}
          {rampSteps(reading.steps).join(', ')} steps).
        </p>
      )}
    </>
  );
}
