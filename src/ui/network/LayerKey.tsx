import { LAYER_STYLE } from './layerCharts.ts';

/** Which line is which layer in the layer charts: a short stroke in its colour and dash each. */
export function LayerKey({ names }: { readonly names: readonly string[] }) {
  return (
    <ul className="layer-key" aria-label="Layers in the charts">
      {names.map((name, l) => {
        const style = LAYER_STYLE[l % LAYER_STYLE.length]!;
        return (
          <li key={name}>
            <svg width="28" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="28"
                y2="4"
                stroke={style.color}
                strokeWidth="2"
                strokeDasharray={style.dash.join(' ') || undefined}
              />
            </svg>
            {name}
          </li>
        );
      })}
    </ul>
  );
}
