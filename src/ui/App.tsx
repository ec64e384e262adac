import { useRef, useState } from 'react';
import type { LabStore } from '../state/store.ts';
import { LabContext } from '../state/useLab.ts';
import type { CompileClient } from '../workers/compileClient.ts';
import { CompilerContext } from './compiler.ts';
import { OptimizerPanel } from './controls/OptimizerPanel.tsx';
import { ScenePanel } from './controls/ScenePanel.tsx';
import { CopyLink } from './CopyLink.tsx';
import { ExportMenu, type LandscapeSnapshot } from './ExportMenu.tsx';
import { Gallery } from './Gallery.tsx';
import { InspectPanel } from './inspect/InspectPanel.tsx';
import { InspectFeedContext, useInspection } from './inspect/useInspection.ts';
import { RunFeedContext } from './feeds.ts';
import { Landscape } from './Landscape.tsx';
import { Legend } from './Legend.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { LossChart } from './LossChart.tsx';
import { Playback } from './Playback.tsx';
import { Shell } from './Shell.tsx';
import { StatusLine } from './StatusLine.tsx';
import { SweepPanel } from './sweep/SweepPanel.tsx';
import { usePipeline } from './usePipeline.ts';
import { usePlaybackClock } from './usePlaybackClock.ts';
import { useShortcuts } from './useShortcuts.ts';
import { SweepContext, useSweepRunner } from './useSweep.ts';
import './app.css';
import './share.css';

/** The lab: the landscape and loss chart with playback on one side, the controls on the other. */
export function App({ store, compiler }: LabProps) {
  return (
    <LabContext.Provider value={store}>
      <CompilerContext.Provider value={compiler}>
        <Lab store={store} compiler={compiler} />
      </CompilerContext.Provider>
    </LabContext.Provider>
  );
}

/** What the page gives the lab: its store and its compile client. */
interface LabProps {
  readonly store: LabStore;
  readonly compiler: CompileClient;
}

function Lab({ store, compiler }: LabProps) {
  const pipeline = usePipeline(store, compiler);
  const inspection = useInspection(store, compiler);
  const sweep = useSweepRunner(store, compiler);
  usePlaybackClock();
  useShortcuts();
  const [drawn, setDrawn] = useState(false);
  const snapshot = useRef<LandscapeSnapshot | null>(null);
  return (
    <RunFeedContext.Provider value={pipeline.runs}>
      <InspectFeedContext.Provider value={inspection}>
        <SweepContext.Provider value={sweep}>
          <Shell pipeline={pipeline} drawn={drawn}>
            <header className="header">
              <div>
                <h1>Descent Lab</h1>
                <p className="tagline">How optimizers move across a loss landscape.</p>
              </div>
              <nav className="toolbar" aria-label="Share and export">
                <CopyLink />
                <ExportMenu snapshot={snapshot} />
              </nav>
            </header>
            <NoticeBanner />
            <main className="layout">
              <section className="stage" aria-label="Landscape and loss">
                <Landscape
                  pipeline={pipeline}
                  inspection={inspection.results}
                  onDrawn={() => setDrawn(true)}
                  onFrame={(canvas, frame) => (snapshot.current = { canvas, frame })}
                />
                <Playback />
                <LossChart />
                <InspectPanel />
                <SweepPanel />
              </section>
              <aside className="side" aria-label="Controls">
                <StatusLine pipeline={pipeline} />
                <Legend runs={pipeline.runs} />
                <Gallery />
                <ScenePanel />
                <OptimizerPanel />
              </aside>
            </main>
          </Shell>
        </SweepContext.Provider>
      </InspectFeedContext.Provider>
    </RunFeedContext.Provider>
  );
}
