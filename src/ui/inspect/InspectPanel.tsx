import { useId, useMemo, useSyncExternalStore } from 'react';
import { getOptimizer } from '../../engine/optimizers/index.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { phaseInspection } from '../../engine/inspect.ts';
import { phaseAt, phaseEntry } from '../../engine/phases.ts';
import { ArrowLegend } from './ArrowLegend.tsx';
import { chartList } from './chartList.ts';
import { explainStep } from './explain.ts';
import { PhaseLine } from './PhaseLine.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { StepBar } from './StepBar.tsx';
import { TermTable } from './TermTable.tsx';
import { UpdateRule } from './UpdateRule.tsx';
import { currentInspection, selectedIndex, useInspectFeeds } from './useInspection.ts';
import './inspect.css';

/**
 * Inside the selected optimizer: why its step goes where it goes (in words, from the numbers), the
 * update rule typeset, every term of the current step, and its state over the whole run.
 */
export function InspectPanel() {
  const { results: feed, errors } = useInspectFeeds();
  useSyncExternalStore(
    (listener) => feed.subscribe(listener),
    () => feed.current,
  );
  const error = useSyncExternalStore(
    (listener) => errors.subscribe(listener),
    () => errors.current,
  );
  const index = useLab(selectedIndex);
  const optimizers = useLab((s) => s.optimizers);
  const result = useLab((s) => currentInspection(feed, s));
  const shown = useLab((s) => s.hoverStep ?? s.playback.step);
  const cursor = useLab((s) => s.playback.step);
  const actions = useLabActions();
  const pickId = useId();
  const headingId = useId();
  const selected = index >= 0 ? optimizers[index] : undefined;
  const whole = selected?.entry;
  const recorded = result?.inspection ?? null;
  const step = recorded ? Math.max(0, Math.min(recorded.steps, shown)) : 0;
  // A run with phases is shown as the phase that made the step: its type, rule, terms and state.
  const phase = whole ? phaseAt(whole, step) : 0;
  const entry = whole && phaseEntry(whole, phase);
  const ins = useMemo(() => recorded && phaseInspection(recorded, phase), [recorded, phase]);
  const charts = useMemo(() => (ins ? chartList(ins) : []), [ins]);

  return (
    <section className="inspector" aria-labelledby={headingId}>
      <div className="inspector-head">
        <h2 id={headingId}>
          {entry ? `Inside ${entry.label}` : 'Inside an optimizer'}
          {entry && <span className="inspector-type"> ({getOptimizer(entry.type)?.name})</span>}
        </h2>
        <span className="inspector-pick">
          <label htmlFor={pickId}>Inspect</label>
          <select
            id={pickId}
            value={selected?.id ?? ''}
            onChange={(e) =>
              actions.select(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))
            }
          >
            <option value="">none</option>
            {optimizers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.entry.label}
              </option>
            ))}
          </select>
        </span>
      </div>
      {!entry ? (
        <p className="inspector-hint">
          Choose an optimizer (here, with “Inspect” on its card, or in the results list) to see its
          state, its update rule and each step’s arithmetic.
        </p>
      ) : !ins ? (
        <p className="inspector-hint">
          {error ? `The inspector could not record this run: ${error}` : 'Recording every step…'}
        </p>
      ) : (
        <>
          <StepBar shown={step} steps={ins.steps} note={step !== cursor ? ' (hovered)' : ''} />
          <PhaseLine entry={whole!} step={step} />
          <div className="inspect-why" data-step={step}>
            {explainStep(entry, ins, step).map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <ArrowLegend hasDirection={ins.state.some((s) => s.field.role === 'direction')} />
          <div className="inspector-body">
            <UpdateRule entry={entry} />
            <TermTable entry={entry} inspection={ins} step={step} />
          </div>
          <div className="series-grid">
            {charts.map((spec) => (
              <SeriesChart key={spec.key} spec={spec} steps={ins.steps} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
