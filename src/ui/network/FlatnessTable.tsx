import { formatNumber } from '../format.ts';
import { flatnessSentence, SHARPNESS_TEXT, type RunEnd } from './flatnessText.ts';
import type { NetworkPicture } from './networkPicture.ts';
import type { NetworkLayers } from '../../workers/networkProtocol.ts';

/** Each run's end: its last training and test loss and its sharpness (null for a diverged run). */
export function runEnds(picture: NetworkPicture, layers: NetworkLayers): RunEnd[] {
  return picture.plane.runs.map((run, k) => {
    const last = run.loss.length - 1;
    return {
      label: picture.scene.optimizers[k]?.label ?? `run ${k + 1}`,
      train: run.loss[last]!,
      test: run.testLoss?.[last] ?? null,
      sharpness: layers.runs[k]?.sharpness ?? null,
    };
  });
}

const cell = (v: number | null) => (
  <td data-value={v ?? ''}>{v === null ? '—' : formatNumber(v)}</td>
);

/**
 * Which minimum is flatter and which generalizes: every run's final training and test loss beside
 * its sharpness, and a sentence that compares them.
 */
export function FlatnessTable({
  picture,
  layers,
}: {
  readonly picture: NetworkPicture;
  readonly layers: NetworkLayers;
}) {
  const ends = runEnds(picture, layers);
  return (
    <div className="flatness">
      <table className="term-table flatness-table">
        <caption>Where each run ends</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">training loss</th>
            <th scope="col">test loss</th>
            <th scope="col">sharpness</th>
          </tr>
        </thead>
        <tbody>
          {ends.map((e, k) => (
            <tr key={k} data-run={k}>
              <th scope="row">{e.label}</th>
              {cell(e.train)}
              {cell(e.test)}
              {cell(e.sharpness)}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flatness-why">
        {flatnessSentence(ends).map((line) => (
          <p key={line}>{line}</p>
        ))}
        <p className="inspector-hint">{SHARPNESS_TEXT}</p>
      </div>
    </div>
  );
}
