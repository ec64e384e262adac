import { useId, useState } from 'react';
import { ACTIVATIONS, type Activation } from '../../engine/network/architecture.ts';
import { networkDatasets } from '../../engine/network/datasets.ts';
import type { NetworkScene } from '../../engine/network/scene.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useDraft } from '../controls/useDraft.ts';
import { batchProblem, readHidden, withData } from './networkScene.ts';

/**
 * A network scene's own settings: its data set, hidden layers, activation and batch size (steps
 * and the optimizers are the scene's, set as for a function). Each change is a new scene, and so
 * a new link; a refused value says which field and why, and nothing changes.
 */
export function NetworkPanel({ network }: { readonly network: NetworkScene }) {
  const { setNetwork, setFunction } = useLabActions();
  const fnId = useLab((s) => s.fn.id);
  const ids = { data: useId(), hidden: useId(), act: useId(), batch: useId(), problem: useId() };
  const [problem, setProblem] = useState<string | null>(null);
  const hidden = useDraft<readonly number[]>({
    value: network.hidden,
    format: (h) => h.join(', '),
    read: (text) => {
      const read = readHidden(network, text);
      return 'problem' in read
        ? { ok: false, problem: read.problem }
        : { ok: true, value: read.hidden };
    },
    commit: (h) => setNetwork({ ...network, hidden: [...h] }),
    onProblem: setProblem,
  });
  return (
    <>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={ids.data}>
          Data set
        </label>
        <select
          id={ids.data}
          className="ctl-select"
          value={network.data}
          onChange={(e) => setNetwork(withData(network, e.target.value))}
        >
          {networkDatasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={ids.hidden}>
          Hidden layers (units each)
        </label>
        <input
          {...hidden.inputProps}
          id={ids.hidden}
          className="ctl-text"
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={problem ? ids.problem : undefined}
        />
      </div>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={ids.act}>
          Activation
        </label>
        <select
          id={ids.act}
          className="ctl-select"
          value={network.activation}
          onChange={(e) => setNetwork({ ...network, activation: e.target.value as Activation })}
        >
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </div>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={ids.batch}>
          Batch size
        </label>
        <NumberField
          id={ids.batch}
          value={network.params['batch']!}
          check={(b) => batchProblem(network, b)}
          commit={(batch) => setNetwork({ ...network, params: { ...network.params, batch } })}
          onProblem={setProblem}
          describedBy={problem ? ids.problem : undefined}
          inputMode="numeric"
        />
      </div>
      {problem && (
        <p id={ids.problem} className="ctl-problem" role="alert">
          {problem}
        </p>
      )}
      <p className="ctl-note">
        Inspect and Sweeps work on the plane&apos;s functions: a network scene has Layers instead
        (each run&apos;s sharpness, and ‖g‖, ‖step‖ and rate per layer).
      </p>
      <button
        type="button"
        className="ctl-button"
        onClick={() => {
          setNetwork(null);
          // The function's own view and start again: the plane's are not the function's.
          setFunction(fnId);
        }}
      >
        Back to functions
      </button>
    </>
  );
}
