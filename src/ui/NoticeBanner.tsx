import { useLab, useLabActions } from '../state/useLab.ts';

/** How many of a notice's lines are listed before "and N more". */
const SHOWN = 6;

/** The store's notice (what was wrong with a link) until the reader dismisses it. */
export function NoticeBanner() {
  const notice = useLab((s) => s.notice);
  const { notify } = useLabActions();
  if (!notice) return null;
  const rest = notice.lines.length - SHOWN;
  return (
    <div className="notice" role="alert">
      <div>
        <p className="notice-title">{notice.title}</p>
        <ul>
          {notice.lines.slice(0, SHOWN).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
          {rest > 0 && <li>…and {rest} more.</li>}
        </ul>
      </div>
      <button type="button" className="ctl-button" onClick={() => notify(null)}>
        Dismiss
      </button>
    </div>
  );
}
