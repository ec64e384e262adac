import type { ContourField } from '../engine/field.ts';
import type { Feed } from '../workers/feed.ts';
import { colourScale } from './colourScale.ts';
import { useFeed } from './useFeed.ts';

/**
 * The landscape's colour key: its bands, low f to high, with f at a few levels; `name` is what
 * the field is of ("f" for a function, "training loss" or "test loss" for a network's plane).
 */
export function ColourScale({
  field,
  name = 'f',
}: {
  readonly field: Feed<ContourField>;
  readonly name?: string;
}) {
  const current = useFeed(field);
  if (!current) return null;
  const { gradient, ticks, label, long } = colourScale(current, name);
  return (
    <div
      className={long ? 'colour-scale colour-scale-long' : 'colour-scale'}
      role="img"
      aria-label={label}
    >
      <span className="colour-scale-name" aria-hidden="true">
        {name}
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
