import { getOptimizer } from '../../engine/optimizers/index.ts';
import { useLab } from '../../state/useLab.ts';
import { HyperField } from '../controls/HyperFields.tsx';
import { findOptimizer } from '../controls/select.ts';

/** The sliders an embed's link named, on every optimizer of the scene that has them. */
export function EmbedSliders({ names }: { readonly names: readonly string[] }) {
  const ids = useLab((s) => s.optimizers.map((o) => o.id).join(','));
  return (
    <div className="embed-sliders">
      {ids.split(',').map((id) => (
        <OptimizerSliders key={id} id={Number(id)} names={names} />
      ))}
    </div>
  );
}

/** Optimizer `id`'s sliders among `names`, under its colour and label; none if it has none. */
function OptimizerSliders({
  id,
  names,
}: {
  readonly id: number;
  readonly names: readonly string[];
}) {
  const type = useLab((s) => findOptimizer(s, id)?.entry.type);
  const label = useLab((s) => findOptimizer(s, id)?.entry.label);
  const color = useLab((s) => findOptimizer(s, id)?.entry.color);
  const spec = type === undefined ? undefined : getOptimizer(type);
  const own = spec ? names.filter((name) => name in spec.hyper) : [];
  if (!spec || own.length === 0) return null;
  return (
    <div className="embed-card" role="group" aria-label={label ?? spec.name}>
      <p className="embed-card-name">
        <span className="embed-swatch" style={{ background: color }} aria-hidden="true" />
        {label ?? spec.name}
      </p>
      <div className="ctl-grid">
        {own.map((name) => (
          <HyperField key={name} id={id} phase={undefined} name={name} spec={spec.hyper[name]!} />
        ))}
      </div>
    </div>
  );
}
