import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { exposeHandle } from './devtools.ts';
import { browserStorage, compilerVerdict, openingScene, syncScene } from './state/persistence.ts';
import { createLabStore, selectScene } from './state/store.ts';
import { App } from './ui/App.tsx';
import { lessonStep } from './ui/lesson/path.ts';
import { CompileClient } from './workers/compileClient.ts';
import { startNetworkWorkers } from './workers/networkClient.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const storage = browserStorage(window);
const opening = openingScene(window.location.hash, storage);
// Read before the page rewrites its address to the scene's own link.
const lesson = lessonStep(window.location.hash);
// The first race animates from the start, unless the reader asked for less motion.
const store = createLabStore(opening.scene, { animate: !reducedMotion });
store.getState().actions.notify(opening.notice);
// The page's one compile worker, started on the first typed function (mathjs loads only then).
const compiler = new CompileClient();
// A network scene's workers start now and set it up while React mounts; its request follows.
const scene = selectScene(store.getState());
const networkWorkers = scene.network ? startNetworkWorkers(scene) : undefined;
const sync = syncScene(store, window, storage, opening, compilerVerdict(compiler));
exposeHandle(store, sync);
// Rendered as a transition, React yields to the browser every few milliseconds while it mounts:
// a scene of 20 optimizers over 100,000 steps (20 cards, each with a learning-rate plot) took one
// ~400 ms task to mount in a single pass.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <App store={store} compiler={compiler} networkWorkers={networkWorkers} lesson={lesson} />
    </StrictMode>,
  ),
);
