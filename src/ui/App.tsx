import { useRef, useState } from 'react';
import type { LabStore } from '../state/store.ts';
import { LabContext } from '../state/useLab.ts';
import type { CompileClient } from '../workers/compileClient.ts';
import type { NetworkWorkers } from '../workers/networkClient.ts';
import { CompilerContext } from './compiler.ts';
import { OptimizerPanel } from './controls/OptimizerPanel.tsx';
import { ScenePanel } from './controls/ScenePanel.tsx';
import { CopyLink } from './CopyLink.tsx';
import { ExportMenu, type LandscapeSnapshot } from './ExportMenu.tsx';
import { Gallery } from './Gallery.tsx';
import { dataView, isDataScene } from './data/DataView.tsx';
import { boundariesView } from './network/boundariesView.tsx';
import { layersView } from './network/layersView.tsx';
import { lineView } from './network/lineView.tsx';
import { EmbedMenu } from './embed/EmbedMenu.tsx';
import { useLab } from '../state/useLab.ts';
import { InspectPanel } from './inspect/InspectPanel.tsx';
import { InspectFeedContext, useInspection } from './inspect/useInspection.ts';
import { useOpenView } from './layout/useOpenView.ts';
import { useScrollPadding } from './layout/useScrollPadding.ts';
import { ViewSwitch } from './layout/ViewSwitch.tsx';
import { RunFeedContext } from './feeds.ts';
import { Landscape } from './Landscape.tsx';
import { Legend } from './Legend.tsx';
import { LessonBar } from './lesson/LessonBar.tsx';
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
import './layout/layout.css';
import './share.css';

/**
 * The lab. On a wide screen, the landscape on the left, sized to the viewport's height, and on the
 * right the playback and loss chart, then the views that open one at a time (inspector, sweeps),
 * then the controls; the landscape and the playback with the chart stay in sight while the rest
 * scrolls. On a narrow screen, the same in one column.
 */
export function App(props: LabProps) {
  return (
    <LabContext.Provider value={props.store}>
      <CompilerContext.Provider value={props.compiler}>
        <Lab {...props} />
      </CompilerContext.Provider>
    </LabContext.Provider>
  );
}

/** What the page gives the lab: its store, its compile client, the network workers to use. */
interface LabProps {
  readonly store: LabStore;
  readonly compiler: CompileClient;
  /** The network workers, when the page started them early (startNetworkWorkers). */
  readonly networkWorkers?: NetworkWorkers;
  /** The lesson path's step the page was opened at (`…&lesson=<id>`), or null. */
  readonly lesson?: number | null;
}

/** The views that open above the controls for a function's scene. */
const functionViews = [
  {
    id: 'inspect',
    label: 'Inspect',
    gloss: 'one optimizer, step by step',
    content: <InspectPanel />,
  },
  {
    id: 'sweeps',
    label: 'Sweeps',
    gloss: 'many runs: maps, curves, basins, seeds',
    content: <SweepPanel />,
  },
] as const;

function Lab({ store, compiler, networkWorkers, lesson = null }: LabProps) {
  const pipeline = usePipeline(store, compiler, networkWorkers);
  const inspection = useInspection(store, compiler);
  const sweep = useSweepRunner(store, compiler);
  usePlaybackClock(pipeline.runs);
  useShortcuts();
  const [drawn, setDrawn] = useState(false);
  const snapshot = useRef<LandscapeSnapshot | null>(null);
  const [open, setOpen] = useOpenView(store);
  const dataScene = useLab((s) => isDataScene(s.fn.id) && s.network === null);
  const network = useLab((s) => s.network !== null);
  const results = useRef<HTMLElement>(null);
  useScrollPadding(results);
  return (
    <RunFeedContext.Provider value={pipeline.runs}>
      <InspectFeedContext.Provider value={inspection}>
        <SweepContext.Provider value={sweep}>
          <Shell pipeline={pipeline} drawn={drawn}>
            <header className="header">
              <div className="title">
                <h1>Descent Lab</h1>
                <p className="tagline">How optimizers move across a loss landscape.</p>
              </div>
              <nav className="toolbar" aria-label="Share and export">
                <CopyLink />
                <EmbedMenu />
                <ExportMenu snapshot={snapshot} network={pipeline.network} />
              </nav>
            </header>
            <NoticeBanner />
            <main className="layout">
              <section className="stage" aria-label="Landscape">
                <Landscape
                  pipeline={pipeline}
                  inspection={inspection.results}
                  onDrawn={() => setDrawn(true)}
                  onFrame={(canvas, frame) => (snapshot.current = { canvas, frame })}
                />
              </section>
              <div className="work">
                {/* Beside the landscape on a wide screen: the step's text never pushes it down. */}
                <LessonBar start={lesson} />
                <section className="results" aria-label="Playback and loss" ref={results}>
                  <Playback />
                  <LossChart />
                  <StatusLine pipeline={pipeline} />
                </section>
                <ViewSwitch
                  open={open}
                  onOpen={setOpen}
                  views={[
                    // The inspector and the sweeps run on the function: a network scene has its
                    // own inspector, by layer (its Scene panel says so).
                    ...(network
                      ? [
                          boundariesView(pipeline.network),
                          lineView(pipeline.network, pipeline.line),
                          layersView(pipeline.network),
                        ]
                      : functionViews),
                    ...(dataScene ? [dataView] : []),
                  ]}
                />
                <section className="controls" aria-label="Controls">
                  <Legend runs={pipeline.runs} />
                  <Gallery />
                  <ScenePanel />
                  <OptimizerPanel />
                </section>
              </div>
            </main>
          </Shell>
        </SweepContext.Provider>
      </InspectFeedContext.Provider>
    </RunFeedContext.Provider>
  );
}
