import { useMemo, useState } from 'react';
import { gallery } from '../gallery/scenes.ts';
import { sceneFromPreset, sceneHash } from '../preset/index.ts';
import { selectScene } from '../state/store.ts';
import { useLab } from '../state/useLab.ts';
import { lessonPath, stepHash } from './lesson/path.ts';

/** The gallery's links, made once: each scene is a link like any other. */
const useGalleryLinks = () =>
  useMemo(
    () => gallery.map((g) => ({ ...g, hash: `#${sceneHash(sceneFromPreset(g.preset))}` })),
    [],
  );

/** Curated scenes, each a link with the idea it teaches; one click opens one. */
export function Gallery() {
  const [open, setOpen] = useState(false);
  return (
    <details className="ctl-panel gallery" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2 className="ctl-title">Gallery</h2>
        <span className="summary-note">{gallery.length} scenes that teach one idea each</span>
      </summary>
      {open && <GalleryList />}
    </details>
  );
}

function GalleryList() {
  const links = useGalleryLinks();
  // Only while the list is open: hashing the scene on every change costs a little.
  const current = useLab((s) => sceneHash(selectScene(s)));
  return (
    <>
      <p className="gallery-path">
        <a href={stepHash(lessonPath[0]!)}>Walk the lesson path</a>: the same scenes one step at a
        time, with the text of each above the lab.
      </p>
      <ol className="gallery-list">
        {links.map((g) => (
          <li key={g.id} className="gallery-item">
            <a href={g.hash} aria-current={`#${current}` === g.hash ? 'true' : undefined}>
              {g.title}
            </a>
            <p>{g.lesson}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
