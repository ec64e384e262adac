import { useId, useSyncExternalStore } from 'react';
import { useLab } from '../../state/useLab.ts';
import type { Feed } from '../../workers/feed.ts';
import type { SwitchedView } from '../layout/ViewSwitch.tsx';
import { FlatnessTable } from './FlatnessTable.tsx';
import { LayerInspector } from './LayerInspector.tsx';
import type { NetworkPicture } from './networkPicture.ts';
import '../inspect/inspect.css';
import './layers.css';

/**
 * A network scene's inspector: every run's end (training and test loss beside its sharpness),
 * then one run layer by layer. The numbers come from the network worker after the first picture.
 */
function LayersView({ feed }: { readonly feed: Feed<NetworkPicture | null> }) {
  const network = useLab((s) => s.network);
  const subscribe = (listener: () => void) => feed.subscribe(listener);
  const picture = useSyncExternalStore(subscribe, () => feed.current);
  // The picture is published again when its layers arrive: read them as their own snapshot.
  const layers = useSyncExternalStore(subscribe, () => feed.current?.layers ?? null);
  const headingId = useId();
  const current = picture !== null && picture.scene.network === network;
  return (
    <section className="inspector layers-view" aria-labelledby={headingId}>
      <h2 id={headingId}>Inside the network: flatness and layers</h2>
      {!current ? (
        <p className="inspector-hint">Training…</p>
      ) : !layers ? (
        <p className="inspector-hint">Measuring each layer and each run’s sharpness…</p>
      ) : (
        <>
          <FlatnessTable picture={picture} layers={layers} />
          <LayerInspector picture={picture} layers={layers} />
        </>
      )}
    </section>
  );
}

/** The view switch's entry for a network scene's inspector. */
export const layersView = (feed: Feed<NetworkPicture | null>): SwitchedView => ({
  id: 'layers',
  label: 'Layers',
  gloss: 'each run’s flatness; per-layer ‖g‖, ‖step‖ and rate over time',
  content: <LayersView feed={feed} />,
});
