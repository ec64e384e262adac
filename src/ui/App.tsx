import { useState } from 'react';
import { Legend } from './Legend.tsx';
import { PlotCanvas } from './PlotCanvas.tsx';
import { describeScene, formatNumber, plural } from './format.ts';
import type { SceneResult } from '../workers/protocol.ts';
import { useDefaultScene } from './useDefaultScene.ts';
import './app.css';

/** The function's parameters as "a = 1, b = 100". */
const paramText = ({ scene }: SceneResult): string =>
  Object.entries(scene.fn.params)
    .map(([name, value]) => `${name} = ${formatNumber(value)}`)
    .join(', ');

/** The page: the default scene's contours and optimizer paths, a legend and a status line. */
export function App() {
  const scene = useDefaultScene();
  const [drawn, setDrawn] = useState(false);
  const [drawError, setDrawError] = useState<string | null>(null);

  const error = scene.phase === 'error' ? scene.message : drawError;
  const result = scene.phase === 'ready' ? scene.result : null;
  const state = error !== null ? 'error' : result && drawn ? 'ready' : 'computing';
  const status =
    error !== null
      ? `Error: ${error}`
      : result
        ? `${result.fnName} · ${plural(result.scene.optimizers.length, 'optimizer')} · ` +
          plural(result.scene.steps, 'step')
        : 'Computing…';

  return (
    <div className="app" data-state={state}>
      <header className="header">
        <h1>Descent Lab</h1>
        <p className="tagline">How optimizers move across a loss landscape.</p>
      </header>
      <main className="layout">
        <div className="plot-area">
          {result ? (
            <PlotCanvas
              result={result}
              label={describeScene(result)}
              onDrawn={() => setDrawn(true)}
              onError={setDrawError}
            />
          ) : (
            <div className="plot-placeholder" aria-hidden="true" />
          )}
        </div>
        <aside className="side">
          <p role="status" className={error !== null ? 'status status-error' : 'status'}>
            {status}
          </p>
          {result && (
            <>
              <p className="formula">
                <span className="formula-text">f(x, y) = {result.formula}</span>
                {paramText(result) && <span className="formula-params">{paramText(result)}</span>}
              </p>
              <Legend result={result} />
              <p className="key">
                ○ start · ● end · ✕ diverged · ★ known minimum. Contours are log-spaced in f.
              </p>
            </>
          )}
        </aside>
      </main>
    </div>
  );
}
