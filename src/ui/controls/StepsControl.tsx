import { numberProblem } from '../../preset/schema.ts';
import { MAX_STEPS } from '../../preset/limits.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { SliderField } from './SliderField.tsx';
import { sliderRanges } from './sliderRanges.ts';

const stepsRange = { integer: true, min: 1, max: MAX_STEPS } as const;

/** The number of steps: a log slider and an integer field. */
export function StepsControl() {
  const steps = useLab((s) => s.steps);
  const { setSteps } = useLabActions();
  return (
    <SliderField
      label="Steps"
      value={steps}
      range={sliderRanges['steps']!}
      check={(v) => numberProblem(v, stepsRange)}
      onValue={setSteps}
      inputMode="numeric"
    />
  );
}
