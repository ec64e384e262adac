import { useMemo } from 'react';
import { useLab } from '../../state/useLab.ts';
import { rateCurve } from './lrCurve.ts';
import { findSettings, settingsSteps } from './select.ts';

const WIDTH = 240;
const HEIGHT = 56;

/**
 * A small plot of the learning rate of one optimizer (or of its later phase `phase`) over the steps
 * those settings make.
 */
export function LrPlot({ id, phase }: { readonly id: number; readonly phase?: number }) {
  const lr = useLab((s) => findSettings(s, id, phase)?.hyper['lr']);
  const schedule = useLab((s) => findSettings(s, id, phase)?.schedule);
  const steps = useLab((s) => settingsSteps(s, id, phase));
  const curve = useMemo(
    () =>
      typeof lr === 'number' && schedule ? rateCurve(lr, schedule, steps, WIDTH, HEIGHT) : null,
    [lr, schedule, steps],
  );
  if (!curve) return null;
  return (
    <figure className="ctl-lr">
      <svg
        className="ctl-lr-plot"
        viewBox={`0 -3 ${WIDTH} ${HEIGHT + 6}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={curve.label}
      >
        <line className="ctl-lr-axis" x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} />
        <polyline className="ctl-lr-line" points={curve.points} />
      </svg>
      <figcaption className="ctl-note" aria-hidden="true">
        {curve.label[0]?.toUpperCase()}
        {curve.label.slice(1)}
      </figcaption>
    </figure>
  );
}
