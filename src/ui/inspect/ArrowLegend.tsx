import { ARROW_STYLE, type Arrow } from '../../render/layers/inspect.ts';

const ITEMS: readonly { kind: Arrow['kind']; text: string }[] = [
  { kind: 'gradient', text: '−g, downhill (direction only)' },
  { kind: 'direction', text: 'the optimizer’s own direction: −momentum / −m̂ (direction only)' },
  { kind: 'step', text: 'the step actually taken (to scale, kept visible)' },
];

/** What the inspector draws on the landscape: three arrows and the effective-rate box. */
export function ArrowLegend({ hasDirection }: { readonly hasDirection: boolean }) {
  return (
    <ul className="arrow-legend" aria-label="Arrows on the landscape">
      {ITEMS.filter((i) => hasDirection || i.kind !== 'direction').map(({ kind, text }) => {
        const s = ARROW_STYLE[kind];
        return (
          <li key={kind}>
            <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
              <line
                x1="1"
                y1="6"
                x2="26"
                y2="6"
                stroke={s.color}
                strokeWidth={s.width}
                strokeDasharray={s.dash.join(' ') || undefined}
              />
              <path d="M33 6 L24 1.5 L24 10.5 Z" fill={s.color} />
            </svg>
            {text}
          </li>
        );
      })}
      <li>
        <svg width="34" height="12" viewBox="0 0 34 12" aria-hidden="true">
          <rect x="9" y="1" width="16" height="10" fill="rgb(0 114 178 / 0.16)" stroke="#0072b2" />
        </svg>
        box: effective learning rate along x and y (relative)
      </li>
    </ul>
  );
}
