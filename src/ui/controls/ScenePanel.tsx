import { useId } from 'react';
import { getFunction } from '../../engine/functions/index.ts';
import { CUSTOM_ID } from '../../engine/expr/custom.ts';
import { useLab } from '../../state/useLab.ts';
import { CustomFunction } from './CustomFunction.tsx';
import { FnParamControl } from './FnParamControl.tsx';
import { FunctionPicker } from './FunctionPicker.tsx';
import { NoiseControls } from './NoiseControls.tsx';
import { StepsControl } from './StepsControl.tsx';
import { NetworkChoice } from '../network/NetworkChoice.tsx';
import { NetworkPanel } from '../network/NetworkPanel.tsx';
import './controls.css';

/** The scene: function and its parameters, steps, gradient noise; or a network's settings. */
export function ScenePanel() {
  const fnId = useLab((s) => s.fn.id);
  const network = useLab((s) => s.network);
  const headingId = useId();
  const params = Object.entries(getFunction(fnId)?.params ?? {});
  return (
    <section className="ctl-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="ctl-title">
        Scene
      </h2>
      {network ? (
        <div className="ctl-grid">
          <NetworkPanel network={network} />
          <StepsControl />
        </div>
      ) : (
        <div className="ctl-grid">
          <FunctionPicker />
          {fnId === CUSTOM_ID && <CustomFunction />}
          {params.map(([name, spec]) => (
            <FnParamControl key={`${fnId}.${name}`} fnId={fnId} name={name} spec={spec} />
          ))}
          <StepsControl />
          <NoiseControls />
          <NetworkChoice />
        </div>
      )}
    </section>
  );
}
