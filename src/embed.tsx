import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readEmbedOptions } from './preset/embed.ts';
import { compilerVerdict, linkScene, replaceIfRefused } from './state/persistence.ts';
import { createLabStore, selectScene } from './state/store.ts';
import { defaultScene } from './preset/index.ts';
import { EmbedApp } from './ui/embed/EmbedApp.tsx';
import { embedNotice } from './ui/embed/embedNotice.ts';
import { CompileClient } from './workers/compileClient.ts';
import { startNetworkWorkers } from './workers/networkClient.ts';

/*
 * A scene embedded in a course page (embed.html#s=1.…&controls=…): the link's scene, never the
 * reader's saved one, and nothing written back (neither the address nor the storage of the full
 * app, whose scene a reader may be in the middle of).
 */
const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root element');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const link = linkScene(window.location.hash);
const options = readEmbedOptions(window.location.hash);
const store = createLabStore(link?.scene ?? defaultScene(), { animate: !reducedMotion });
store.getState().actions.notify(embedNotice(link, options));
const compiler = new CompileClient();
// A network scene's workers start now and set it up while React mounts; its request follows.
const scene = selectScene(store.getState());
const networkWorkers = scene.network ? startNetworkWorkers(scene) : undefined;
// A typed function the compiler refuses gives way to what the command line runs for the link.
if (link) replaceIfRefused(store, link, compilerVerdict(compiler));
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <EmbedApp
        store={store}
        compiler={compiler}
        networkWorkers={networkWorkers}
        options={options}
      />
    </StrictMode>,
  ),
);
