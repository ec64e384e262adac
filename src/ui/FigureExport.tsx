import { useId, useState, type RefObject } from 'react';
import { figurePng, figureSvg, type FigureOptions } from '../render/export/figure.ts';
import { selectScene } from '../state/store.ts';
import { useLab, useLabStore } from '../state/useLab.ts';
import { textFile } from './download.ts';
import { useRunFeed } from './feeds.ts';
import { figureCaption, figureTitle } from './figureText.ts';
import { landscapeExport, type LandscapeSnapshot } from './landscapeExport.ts';

/**
 * The landscape as a figure for a 1280 × 720 slide or a paper: a title and a caption (each
 * written for the scene until edited; emptied, left out), a white or transparent background, as
 * PNG or SVG.
 */
export function FigureExport({
  snapshot,
  onSaved,
  onMessage,
}: {
  readonly snapshot: RefObject<LandscapeSnapshot | null>;
  readonly onSaved: (name: string, blob: Blob) => void;
  readonly onMessage: (message: string) => void;
}) {
  const store = useLabStore();
  const feed = useRunFeed();
  const scene = useLab(selectScene);
  const [title, setTitle] = useState<string | null>(null);
  const [caption, setCaption] = useState<string | null>(null);
  const [background, setBackground] = useState<FigureOptions['background']>('white');
  const uid = useId();
  const shownTitle = title ?? figureTitle(scene);
  const shownCaption = caption ?? figureCaption(scene);

  const save = async (format: 'png' | 'svg') => {
    const image = landscapeExport(store, feed, snapshot);
    if (typeof image === 'string') return onMessage(image);
    const options = { title: shownTitle, caption: shownCaption, background };
    const svg = figureSvg(image.shot.frame, image.legend, image.key, options);
    const name = `${image.base}.figure.${format}`;
    onSaved(name, format === 'svg' ? textFile(svg, 'image/svg+xml') : await figurePng(svg));
  };

  return (
    <fieldset className="figure-export">
      <legend>Figure for a slide (1280 × 720)</legend>
      <label htmlFor={`${uid}-title`}>Title</label>
      <input
        id={`${uid}-title`}
        type="text"
        value={shownTitle}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor={`${uid}-caption`}>Caption</label>
      <textarea
        id={`${uid}-caption`}
        rows={3}
        value={shownCaption}
        maxLength={400}
        onChange={(e) => setCaption(e.target.value)}
      />
      <label htmlFor={`${uid}-background`}>Background</label>
      <select
        id={`${uid}-background`}
        value={background}
        onChange={(e) => setBackground(e.target.value as FigureOptions['background'])}
      >
        <option value="white">White</option>
        <option value="transparent">Transparent</option>
      </select>
      <div className="figure-buttons">
        {(['png', 'svg'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="ctl-button"
            onClick={() => void save(format).catch((e: Error) => onMessage(e.message))}
          >
            Figure ({format.toUpperCase()})
          </button>
        ))}
      </div>
    </fieldset>
  );
}
