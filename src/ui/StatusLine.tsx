import { getFunction } from '../engine/functions/index.ts';
import { useLab } from '../state/useLab.ts';
import { plural } from './format.ts';
import { useFeed } from './useFeed.ts';
import type { Pipeline } from './usePipeline.ts';

/** What the lab is doing: computing, the scene it shows, or what went wrong. */
export function StatusLine({ pipeline }: { readonly pipeline: Pipeline }) {
  const status = useFeed(pipeline.status);
  const fieldError = useFeed(pipeline.fieldError);
  const fnName = useLab(
    (s) => getFunction(s.fn.id)?.name ?? (s.fn.expr ? 'Custom f(x, y)' : s.fn.id),
  );
  const count = useLab((s) => s.optimizers.length);
  const steps = useLab((s) => s.steps);
  const error = status?.phase === 'error' ? status.message : fieldError;
  const text =
    error !== null
      ? `Error: ${error}`
      : status?.phase === 'ready'
        ? `${fnName} · ${plural(count, 'optimizer')} · ${plural(steps, 'step')} · computed in ${status.ms < 10 ? status.ms.toFixed(1) : Math.round(status.ms)} ms`
        : 'Computing…';
  return (
    <p role="status" className={error !== null ? 'status status-error' : 'status'}>
      {text}
    </p>
  );
}
