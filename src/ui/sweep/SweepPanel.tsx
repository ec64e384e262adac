import { useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { defaultSweep } from '../../engine/sweep/index.ts';
import type { Metric, SweepSpec, SweepView } from '../../engine/sweep/types.ts';
import { useLab, useLabActions, useLabStore } from '../../state/useLab.ts';
import { numberProblem } from '../../preset/schema.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { sweepProblems } from '../../workers/sweepInputs.ts';
import { useSweep } from '../useSweep.ts';
import { BasinsTab } from './BasinsTab.tsx';
import { LrCurves } from './LrCurves.tsx';
import { METRIC_NAMES, progressText } from './metricText.ts';
import { SeedsTab } from './SeedsTab.tsx';
import { SensitivityMap } from './SensitivityMap.tsx';
import { tabForKey } from './tabKeys.ts';
import './sweep.css';

/** The views, in tab order, with their tab labels. */
const VIEWS: readonly { readonly view: SweepView; readonly label: string }[] = [
  { view: 'map', label: 'Map' },
  { view: 'curves', label: 'LR curves' },
  { view: 'basins', label: 'Basins' },
  { view: 'seeds', label: 'Seeds' },
];

/**
 * Sweeps: the scene over many settings. Closed, it offers to open; open, a tab per view (the
 * open view is the preset's `sweep.view`, so the link follows), the metric and tolerance the map
 * and curves show, and where the computation stands.
 */
export function SweepPanel() {
  const spec = useLab((s) => s.sweep);
  const store = useLabStore();
  const { setSweep } = useLabActions();
  const headingId = useId();
  return (
    <section className="sweep-panel" aria-labelledby={headingId}>
      <div className="sweep-head">
        <h2 id={headingId}>Sweeps</h2>
        {spec ? (
          <button type="button" className="ctl-button" onClick={() => setSweep(null)}>
            Close sweeps
          </button>
        ) : (
          <button
            type="button"
            className="ctl-button"
            onClick={() => setSweep(defaultSweep(store.getState().scene))}
          >
            Open sweeps
          </button>
        )}
      </div>
      {spec ? (
        <OpenSweep spec={spec} />
      ) : (
        <p className="sweep-hint">
          Run this scene over many settings at once: a map of two hyperparameters, final loss
          against learning rate for every optimizer, where each start ends up, and many noise seeds.
        </p>
      )}
    </section>
  );
}

function OpenSweep({ spec }: { readonly spec: SweepSpec }) {
  const { setSweep } = useLabActions();
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = VIEWS.findIndex((v) => v.view === spec.view);
  const select = (k: number) => {
    setSweep({ ...spec, view: VIEWS[k]!.view });
    tabs.current[k]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(e.key, index, VIEWS.length);
    if (next === null) return;
    e.preventDefault();
    select(next);
  };
  const view = spec.view;
  return (
    <>
      <div className="sweep-tabs" role="tablist" aria-label="Sweep views" onKeyDown={onKeyDown}>
        {VIEWS.map((v, k) => (
          <button
            key={v.view}
            ref={(el) => {
              tabs.current[k] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${v.view}`}
            aria-selected={k === index}
            aria-controls={`${id}-panel`}
            tabIndex={k === index ? 0 : -1}
            className="sweep-tab"
            onClick={() => select(k)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${view}`}
        className="sweep-body"
      >
        {(view === 'map' || view === 'curves') && <MetricFields spec={spec} />}
        <SweepStatus />
        {view === 'map' && <SensitivityMap />}
        {view === 'curves' && <LrCurves />}
        {view === 'basins' && <BasinsTab />}
        {view === 'seeds' && <SeedsTab />}
      </div>
    </>
  );
}

/** The metric the map and curves show, and the tolerance of "steps to tol". */
function MetricFields({ spec }: { readonly spec: SweepSpec }) {
  const { setSweep } = useLabActions();
  const store = useLabStore();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const current = () => store.getState().sweep ?? spec;
  return (
    <div className="sweep-metric">
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={`${id}-metric`}>
          Shows
        </label>
        <select
          id={`${id}-metric`}
          className="ctl-select"
          value={spec.metric}
          onChange={(e) => setSweep({ ...current(), metric: e.target.value as Metric })}
        >
          {(Object.keys(METRIC_NAMES) as Metric[]).map((m) => (
            <option key={m} value={m}>
              {METRIC_NAMES[m]}
            </option>
          ))}
        </select>
      </div>
      <div className="ctl-field">
        <label className="ctl-label" htmlFor={`${id}-tol`}>
          tol (f ≤ f<sub>min</sub> + tol)
        </label>
        <NumberField
          id={`${id}-tol`}
          value={spec.tol}
          check={(v) => numberProblem(v, { min: 0 })}
          commit={(tol) => setSweep({ ...current(), tol })}
          onProblem={setProblem}
          describedBy={problem ? `${id}-tol-problem` : undefined}
        />
        <p id={`${id}-tol-problem`} className="ctl-problem" aria-live="polite">
          {problem}
        </p>
      </div>
    </div>
  );
}

/**
 * Where the sweep stands, in words (re-rendering only when the words change), or what keeps it
 * from being computed: an axis the scene no longer has (an optimizer removed, another function),
 * or more work than a sweep may do.
 */
function SweepStatus() {
  const feed = useSweep();
  const scene = useLab((s) => s.scene);
  const problems = useMemo(() => sweepProblems(scene), [scene]);
  const text = useSyncExternalStore(
    (listener) => feed.subscribe(listener),
    () => progressText(feed.current),
  );
  const error = useSyncExternalStore(
    (listener) => feed.subscribe(listener),
    () => feed.current?.error ?? null,
  );
  if (problems.length > 0) {
    return (
      <div className="sweep-status" role="status">
        {problems.map((p) => (
          <p key={p} className="ctl-problem">
            {p}
          </p>
        ))}
        <p>Nothing is computed until this is fixed.</p>
      </div>
    );
  }
  return (
    <p className={error ? 'sweep-status status-error' : 'sweep-status'} role="status">
      {text}
    </p>
  );
}
