import type { ContourField } from '../engine/field.ts';
import type { Feed } from '../workers/feed.ts';
import { colourScale } from './colourScale.ts';
import { useFeed } from './useFeed.ts';

/** The landscape's colour key: its bands, low f to high, with f at a few levels. */
export function ColourScale({ field }: { readonly field: Feed<ContourField> }) {
  const current = useFeed(field);
  if (!current) return null;
  const { gradient, ticks, label } = colourScale(current);
  return (
    <div className="colour-scale" role="img" aria-label={label}>
      <span className="colour-scale-name" aria-hidden="true">
        f
      </span>
      <div className="colour-scale-key">
        <div className="colour-scale-bar" style={{ background: gradient }} />
        <div className="colour-scale-ticks" aria-hidden="true">
          {ticks.map(({ text, at }) => (
            <span key={at} style={{ left: `${at}%` }}>
              {text}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
