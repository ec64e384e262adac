import { LONG_LINK_CHARS, sceneHash } from '../preset/index.ts';
import { selectScene } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';
import { useCopy } from './useCopy.ts';

/**
 * Copies a link to the scene on screen. Where the clipboard is refused the link is shown,
 * selected, to copy by hand; a link too long for chat apps says so.
 */
export function CopyLink() {
  const store = useLabStore();
  const { outcome, copy, field } = useCopy<HTMLInputElement>();
  const copyLink = () => {
    const { origin, pathname } = window.location;
    void copy(`${origin}${pathname}#${sceneHash(selectScene(store.getState()))}`);
  };

  return (
    <div className="copy-link">
      <button type="button" className="ctl-button" onClick={copyLink}>
        Copy link
      </button>
      <span role="status" className="copy-status">
        {outcome.kind === 'copied' &&
          (outcome.length > LONG_LINK_CHARS
            ? `Link copied — ${outcome.length.toLocaleString('en')} characters; some apps cut links over ${LONG_LINK_CHARS.toLocaleString('en')}.`
            : 'Link copied.')}
      </span>
      {outcome.kind === 'manual' && (
        <label className="manual-link">
          The clipboard is not available here; copy the link by hand:
          <input ref={field} readOnly value={outcome.text} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
