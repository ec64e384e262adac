import { useId } from 'react';
import { functionOf } from '../../engine/functions/index.ts';
import { MAX_SEEDS } from '../../engine/sweep/index.ts';
import type { Vec2 } from '../../engine/types.ts';
import type { SweepPicture } from '../../render/frame.ts';
import { sameFunction } from '../../render/sweepShown.ts';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { formatPoint } from '../format.ts';
import { basinLegend, percent } from './basinLegend.ts';
import { LabelledNumber } from './LabelledNumber.tsx';
import './basins.css';
import { SeedStrip } from './SeedStrip.tsx';
import { useSweepPicture } from './useSweepPicture.ts';

const countRange = { integer: true, min: 1, max: MAX_SEEDS };
const NO_MINIMA: readonly Vec2[] = [];

/**
 * The seed ensemble's tab: how many noise seeds (1 … count), the distribution of every
 * optimizer's final loss over them, and the share of seeds that reach each known minimum. The
 * landscape meanwhile shows every seed's path as a faint fan and its end as a dot.
 */
export function SeedsTab() {
  const sweep = useLab((s) => s.sweep);
  const sigma = useLab((s) => s.noise.sigma);
  const fn = useLab((s) => s.fn);
  const { setSweep } = useLabActions();
  const picture = useSweepPicture();
  if (!sweep) return null;
  const shown =
    picture?.scene.sweep?.view === 'seeds' && sameFunction(picture.scene.fn, fn) ? picture : null;
  const minima = functionOf(fn)?.minima(fn.params) ?? NO_MINIMA;
  return (
    <div className="sweep-view seeds-view">
      <div className="ctl-grid">
        <LabelledNumber
          label="Seeds"
          value={sweep.seeds.count}
          check={(v) => numberProblem(v, countRange)}
          commit={(count) => setSweep({ ...sweep, seeds: { count } })}
          inputMode="numeric"
        />
      </div>
      {sigma === 0 && (
        <p className="ctl-note">
          Gradient noise is off (σ = 0), so every seed runs the same path: set σ under Scene to see
          the spread.
        </p>
      )}
      {shown && <SeedResults picture={shown} minima={minima} />}
    </div>
  );
}

/** The strip and the table of shares, for the ensemble shown. */
function SeedResults({
  picture,
  minima,
}: {
  readonly picture: SweepPicture;
  readonly minima: readonly Vec2[];
}) {
  const seeds = picture.plan.axes[0]!.count;
  const optimizers = picture.plan.only ?? picture.scene.optimizers.map((_, k) => k);
  const legends = optimizers.map((_, r) => basinLegend(picture, minima.length, r));
  const count = Math.max(0, ...legends.map((l) => l.count));
  const captionId = useId();
  return (
    <>
      <p className="sweep-caption">
        Noise seeds 1 to {seeds}, {picture.scene.steps} steps each.
      </p>
      <SeedStrip picture={picture} />
      {/* A narrow screen scrolls the table, not the page; focusable so keys can scroll it. */}
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <table className="seed-shares">
          <caption id={captionId}>
            Share of seeds that reach each minimum (in brackets: that end nearest it, within tol or
            not)
          </caption>
          <thead>
            <tr>
              <th scope="col">Optimizer</th>
              {Array.from({ length: count }, (_, k) => (
                <th key={k} scope="col">
                  {k + 1}
                  {minima[k] ? ` ${formatPoint(...minima[k])}` : ''}
                </th>
              ))}
              <th scope="col">Not within tol</th>
              <th scope="col">Diverged</th>
            </tr>
          </thead>
          <tbody>
            {legends.map(({ tally }, r) => (
              <tr key={optimizers[r]}>
                <th scope="row">{picture.scene.optimizers[optimizers[r]!]?.label}</th>
                {Array.from({ length: count }, (_, k) => (
                  <td key={k}>
                    {percent(tally.reached[k] ?? 0, tally.total)}
                    {legends[r]!.reading.known && tally.nearest[k] !== tally.reached[k]
                      ? ` (${percent(tally.nearest[k] ?? 0, tally.total)})`
                      : ''}
                  </td>
                ))}
                <td>{percent(tally.unconverged, tally.total)}</td>
                <td>{percent(tally.diverged, tally.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
