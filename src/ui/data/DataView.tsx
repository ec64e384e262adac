import { useId, useState } from 'react';
import { getFunction } from '../../engine/functions/index.ts';
import { useLab } from '../../state/useLab.ts';
import type { SwitchedView } from '../layout/ViewSwitch.tsx';
import { DataPanel } from './DataPanel.tsx';
import { DataSource } from './dataSource.ts';
import { GradientCloud } from './GradientCloud.tsx';
import './data.css';

/**
 * The view of a loss made of data: the examples with each optimizer's fitted model and the
 * step's batch, then the gradient cloud behind that step. Both follow the cursor (or the hovered
 * step) and share one DataSource, so the objective is built once.
 */
export function DataView() {
  const spec = useLab((s) => getFunction(s.fn.id)?.data);
  const [source] = useState(() => new DataSource());
  const headingId = useId();
  return (
    <section className="data-view" aria-labelledby={headingId}>
      <h2 id={headingId}>The data and its gradients</h2>
      {spec ? (
        <>
          <p className="data-hint">
            {spec.model}. Each step descends the mean loss of one mini-batch; move the cursor or
            hover a path or the loss chart to see another step.
          </p>
          <DataPanel source={source} plot={spec.plot} />
          <GradientCloud source={source} />
        </>
      ) : (
        <p className="data-hint">This function is a formula: it has no data.</p>
      )}
    </section>
  );
}

/** True when `fnId` is a loss made of data: the data view is offered then. */
export const isDataScene = (fnId: string): boolean => getFunction(fnId)?.data !== undefined;

/** The view switch's entry for the data view. */
export const dataView: SwitchedView = {
  id: 'data',
  label: 'Data',
  gloss: 'the examples, each step’s batch, the gradient cloud',
  content: <DataView />,
};
