import { useId, useState } from 'react';
import { numberProblem } from '../../preset/schema.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { NumberField } from './NumberField.tsx';
import { SliderField } from './SliderField.tsx';
import { sliderRanges } from './sliderRanges.ts';

/** The preset schema's ranges for noise. */
const sigmaRange = { min: 0, max: 1e6 };
const seedRange = { integer: true, min: 0, max: 2 ** 32 - 1 };

/** Gradient noise: σ as a slider and a field, and the seed of its generator. */
export function NoiseControls() {
  const sigma = useLab((s) => s.noise.sigma);
  const seed = useLab((s) => s.noise.seed);
  const { setNoise } = useLabActions();
  const seedId = useId();
  const [seedProblem, setSeedProblem] = useState<string | null>(null);
  return (
    <>
      <SliderField
        label="Gradient noise σ"
        value={sigma}
        range={sliderRanges['sigma']!}
        check={(v) => numberProblem(v, sigmaRange)}
        onValue={(v) => setNoise({ sigma: v })}
      />
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={seedId}>
          Noise seed
        </label>
        <NumberField
          id={seedId}
          value={seed}
          check={(v) => numberProblem(v, seedRange)}
          commit={(v) => setNoise({ seed: v })}
          onProblem={setSeedProblem}
          describedBy={seedProblem === null ? undefined : `${seedId}-problem`}
          inputMode="numeric"
        />
        <p id={`${seedId}-problem`} className="ctl-problem" aria-live="polite">
          {seedProblem}
        </p>
      </div>
    </>
  );
}
