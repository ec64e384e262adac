import { useEffect, useRef, useState } from 'react';
import { LONG_LINK_CHARS, sceneHash } from '../preset/index.ts';
import { selectScene } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'copied'; readonly length: number }
  | { readonly kind: 'manual'; readonly url: string };

/** How long "Link copied" stays up. */
const CONFIRM_MS = 4000;

/**
 * Copies a link to the scene on screen. Where the clipboard is refused the link is shown,
 * selected, to copy by hand; a link too long for chat apps says so.
 */
export function CopyLink() {
  const store = useLabStore();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome.kind === 'manual') field.current?.select();
    if (outcome.kind !== 'copied') return;
    const timer = setTimeout(() => setOutcome({ kind: 'idle' }), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    const { origin, pathname } = window.location;
    const url = `${origin}${pathname}#${sceneHash(selectScene(store.getState()))}`;
    try {
      await navigator.clipboard.writeText(url);
      setOutcome({ kind: 'copied', length: url.length });
    } catch {
      setOutcome({ kind: 'manual', url });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="ctl-button" onClick={() => void copy()}>
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
          <input ref={field} readOnly value={outcome.url} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
