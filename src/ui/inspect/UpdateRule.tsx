import { useEffect, useState } from 'react';
import type { OptimizerEntry } from '../../engine/scene.ts';
import { ruleOf, ruleTex } from './rules.ts';

/** KaTeX and its stylesheet, loaded once on first use: they are not part of the first load. */
let katex: Promise<typeof import('katex').default> | null = null;
const loadKatex = () =>
  (katex ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([module]) => module.default,
  ));

/** The optimizer's update rule, typeset, with its hyperparameters filled in and notes below. */
export function UpdateRule({ entry }: { readonly entry: OptimizerEntry }) {
  const rule = ruleOf(entry);
  const tex = ruleTex(rule);
  const [html, setHtml] = useState<{ tex: string; html: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadKatex().then((k) => {
      // Our own TeX, built from numbers: nothing a user typed reaches it.
      if (live)
        setHtml({ tex, html: k.renderToString(tex, { displayMode: true, throwOnError: false }) });
    });
    return () => {
      live = false;
    };
  }, [tex]);
  return (
    <div className="update-rule">
      {html?.tex === tex ? (
        <div className="update-rule-math" dangerouslySetInnerHTML={{ __html: html.html }} />
      ) : (
        <p className="update-rule-math">Typesetting the update rule…</p>
      )}
      <ul className="update-rule-notes">
        {rule.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
