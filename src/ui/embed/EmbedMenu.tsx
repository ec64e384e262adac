import { useId, useState } from 'react';
import { sceneName } from '../sceneName.ts';
import { sceneHash } from '../../preset/index.ts';
import { selectScene } from '../../state/store.ts';
import { useLabStore } from '../../state/useLab.ts';
import { useCopy } from '../useCopy.ts';
import { embedUrl, iframeSnippet } from './snippet.ts';

/** The controls an embed may show, as the menu offers them. */
const choices = {
  playback: { label: 'Playback', playback: true, sliders: [] },
  rates: { label: 'Playback and learning rates', playback: true, sliders: ['lr'] },
  none: { label: 'None: the picture only', playback: false, sliders: [] },
} as const;

type Choice = keyof typeof choices;

/**
 * The scene as an `<iframe>` for a course page: which controls the frame shows, and a button that
 * copies the snippet (shown to copy by hand where the clipboard is refused).
 */
export function EmbedMenu() {
  const store = useLabStore();
  const { outcome, copy, field } = useCopy<HTMLTextAreaElement>();
  const [choice, setChoice] = useState<Choice>('playback');
  const uid = useId();
  const copySnippet = () => {
    const scene = selectScene(store.getState());
    const url = embedUrl(window.location.href, sceneHash(scene), choices[choice]);
    void copy(iframeSnippet(url, `Descent Lab: ${sceneName(scene)}`));
  };
  return (
    <details className="menu embed-menu">
      <summary className="ctl-button">Embed</summary>
      <ul>
        <li className="embed-choice">
          <label htmlFor={`${uid}-controls`}>Controls in the frame</label>
          <select
            id={`${uid}-controls`}
            value={choice}
            onChange={(e) => setChoice(e.target.value as Choice)}
          >
            {Object.entries(choices).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </li>
        <li>
          <button type="button" className="ctl-button" onClick={copySnippet}>
            Copy embed code
          </button>
        </li>
        <li>
          <p role="status" className="menu-status">
            {outcome.kind === 'copied' && 'Embed code copied: paste it into your page’s HTML.'}
          </p>
          {outcome.kind === 'manual' && (
            <label className="manual-link">
              The clipboard is not available here; copy the code by hand:
              <textarea ref={field} readOnly rows={4} value={outcome.text} />
            </label>
          )}
        </li>
      </ul>
    </details>
  );
}
