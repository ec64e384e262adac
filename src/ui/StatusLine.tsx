import type { Scene } from '../engine/scene.ts';
import { plural } from './format.ts';
import { sceneName } from './sceneName.ts';
import { useFeed } from './useFeed.ts';
import type { Pipeline } from './usePipeline.ts';

/**
 * The scene a finished computation drew, and how long it took. Read from the computation, not the
 * store: until a newer scene has computed for SLOW_MS (usePipeline) the line keeps describing
 * the one on screen.
 */
function readyText(scene: Scene, ms: number): string {
  const { optimizers, steps } = scene;
  const time = ms < 10 ? ms.toFixed(1) : Math.round(ms);
  return `${sceneName(scene)} · ${plural(optimizers.length, 'optimizer')} · ${plural(steps, 'step')} · computed in ${time} ms`;
}

/** What the lab is doing: computing, the scene it shows, or what went wrong. */
export function StatusLine({ pipeline }: { readonly pipeline: Pipeline }) {
  const status = useFeed(pipeline.status);
  const fieldError = useFeed(pipeline.fieldError);
  const error = status?.phase === 'error' ? status.message : fieldError;
  const text =
    error !== null
      ? `Error: ${error}`
      : status?.phase === 'ready'
        ? readyText(status.scene, status.ms)
        : (status?.phase === 'computing' && status.detail) || 'Computing…';
  return (
    <p role="status" className={error !== null ? 'status status-error' : 'status'}>
      {text}
    </p>
  );
}
