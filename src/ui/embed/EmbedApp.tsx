import { useState } from 'react';
import type { EmbedOptions } from '../../preset/embed.ts';
import { sceneHash } from '../../preset/index.ts';
import { selectScene, type LabStore } from '../../state/store.ts';
import { LabContext, useLab } from '../../state/useLab.ts';
import type { CompileClient } from '../../workers/compileClient.ts';
import type { NetworkWorkers } from '../../workers/networkClient.ts';
import { CompilerContext } from '../compiler.ts';
import { RunFeedContext } from '../feeds.ts';
import { Landscape } from '../Landscape.tsx';
import { LossChart } from '../LossChart.tsx';
import { NoticeBanner } from '../NoticeBanner.tsx';
import { Playback } from '../Playback.tsx';
import { sceneName } from '../sceneName.ts';
import { Shell } from '../Shell.tsx';
import { StatusLine } from '../StatusLine.tsx';
import { usePipeline } from '../usePipeline.ts';
import { usePlaybackClock } from '../usePlaybackClock.ts';
import { useShortcuts } from '../useShortcuts.ts';
import { EmbedSliders } from './EmbedSliders.tsx';
import { useParentHeight } from './useParentHeight.ts';
import '../app.css';
import '../layout/layout.css';
import '../share.css';
import './embed.css';

/** What the embed page gives its app: the store, the compile client, the link's options. */
interface EmbedProps {
  readonly store: LabStore;
  readonly compiler: CompileClient;
  /** The network workers, when the page started them early (startNetworkWorkers). */
  readonly networkWorkers?: NetworkWorkers;
  readonly options: EmbedOptions;
}

/**
 * A scene embedded in another page: the landscape and the loss chart sized to the frame, the
 * controls the link asked for (playback, named sliders, or none), and a link that opens the scene
 * as it now stands in the full lab, in a new tab.
 */
export function EmbedApp(props: EmbedProps) {
  return (
    <LabContext.Provider value={props.store}>
      <CompilerContext.Provider value={props.compiler}>
        <Embed {...props} />
      </CompilerContext.Provider>
    </LabContext.Provider>
  );
}

function Embed({ store, compiler, networkWorkers, options }: EmbedProps) {
  const pipeline = usePipeline(store, compiler, networkWorkers);
  usePlaybackClock(pipeline.runs);
  useShortcuts();
  useParentHeight();
  const [drawn, setDrawn] = useState(false);
  return (
    <RunFeedContext.Provider value={pipeline.runs}>
      <Shell pipeline={pipeline} drawn={drawn}>
        <EmbedBar />
        <NoticeBanner />
        <main className="embed-layout">
          <section className="stage" aria-label="Landscape">
            <Landscape pipeline={pipeline} onDrawn={() => setDrawn(true)} />
          </section>
          <section className="results" aria-label="Playback and loss">
            {options.playback && <Playback />}
            <LossChart />
            <StatusLine pipeline={pipeline} />
            {options.sliders.length > 0 && <EmbedSliders names={options.sliders} />}
          </section>
        </main>
      </Shell>
    </RunFeedContext.Provider>
  );
}

/** The embed's one line of chrome: what it shows, and the scene as it stands in the full lab. */
function EmbedBar() {
  const scene = useLab(selectScene);
  // The full lab sits beside embed.html: the same folder, its index page.
  const href = `./#${sceneHash(scene)}`;
  return (
    <header className="embed-bar">
      <p className="embed-title">
        {sceneName(scene)} · {scene.optimizers.map((o) => o.label).join(', ')}
      </p>
      <a className="embed-open" href={href} target="_blank" rel="noopener">
        Open in Descent Lab
        <span className="visually-hidden"> (opens in a new tab)</span> ↗
      </a>
    </header>
  );
}
