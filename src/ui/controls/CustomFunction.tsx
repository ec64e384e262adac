import { useEffect, useId, useState } from 'react';
import { FUNCTIONS } from '../../engine/expr/ast.ts';
import { syntaxProblem } from '../../engine/expr/lex.ts';
import { useLab, useLabActions } from '../../state/useLab.ts';
import { useCompiler } from '../compiler.ts';

/** Pause in typing before the compiler is asked. */
const TYPING_MS = 150;
/** Longest gradient shown; derivatives of long functions get long. */
const MAX_SHOWN = 240;

const typeable = Object.keys(FUNCTIONS).filter((f) => !/^(sec|csc|cot|sech|csch|coth)$/.test(f));

const clip = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/** Where the typed function stands: checking, refused (why), or compiled (its gradient). */
type Verdict =
  | { readonly state: 'checking' }
  | { readonly state: 'refused'; readonly message: string }
  | { readonly state: 'ok'; readonly gradient: readonly [string, string] };

/**
 * The typed function f(x, y): validated as you type (characters at once, the rest by the compile
 * worker), applied when valid, with its symbolic gradient shown. A refusal names its column.
 */
export function CustomFunction() {
  const expr = useLab((s) => s.fn.expr ?? '');
  const { setExpression } = useLabActions();
  const compiler = useCompiler();
  const [text, setText] = useState(expr);
  const [seen, setSeen] = useState(expr);
  const [verdict, setVerdict] = useState<Verdict>({ state: 'checking' });
  const id = useId();
  // A scene loaded from elsewhere (a link, the gallery) replaces what is typed.
  if (expr !== seen) {
    setSeen(expr);
    setText(expr);
  }
  const quick = syntaxProblem(text);

  useEffect(() => {
    if (quick !== null) return;
    let current = true;
    const timer = setTimeout(() => {
      void compiler.compile(text).then((result) => {
        if (!current) return;
        if (!result.ok) return setVerdict({ state: 'refused', message: result.message });
        setVerdict({ state: 'ok', gradient: result.gradient });
        if (text !== expr) setExpression(text);
      });
    }, TYPING_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [compiler, text, quick, expr, setExpression]);

  const problem = quick ?? (verdict.state === 'refused' ? verdict.message : null);
  const problemId = `${id}-problem`;
  const helpId = `${id}-help`;
  return (
    <div className="ctl-field ctl-custom">
      <label className="ctl-label" htmlFor={id}>
        f(x, y) =
      </label>
      <input
        id={id}
        className="ctl-text ctl-expr"
        type="text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${problemId} ${helpId}` : helpId}
      />
      {problem !== null && (
        <p id={problemId} className="ctl-problem" aria-live="polite">
          {problem}
        </p>
      )}
      <p id={helpId} className="ctl-note">
        x, y, numbers, pi, e, + − * / ^ and {typeable.join(', ')}.
      </p>
      {problem === null && verdict.state === 'ok' && (
        <dl className="ctl-gradient" aria-label="Gradient">
          <dt>∂f/∂x =</dt>
          <dd>
            <code>{clip(verdict.gradient[0])}</code>
          </dd>
          <dt>∂f/∂y =</dt>
          <dd>
            <code>{clip(verdict.gradient[1])}</code>
          </dd>
        </dl>
      )}
    </div>
  );
}
