import { useEffect, useRef, useState } from 'react';

/** What the last copy did: nothing yet, copied (and how long), or refused (the text, to copy by hand). */
export type CopyOutcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'copied'; readonly length: number }
  | { readonly kind: 'manual'; readonly text: string };

/** How long a "copied" confirmation stays up. */
const CONFIRM_MS = 4000;

/**
 * Copies text to the clipboard. Where the clipboard is refused the outcome carries the text,
 * which the caller shows in `field` (selected, to copy by hand); a confirmation clears itself.
 */
export function useCopy<T extends HTMLInputElement | HTMLTextAreaElement>() {
  const [outcome, setOutcome] = useState<CopyOutcome>({ kind: 'idle' });
  const field = useRef<T>(null);

  useEffect(() => {
    if (outcome.kind === 'manual') field.current?.select();
    if (outcome.kind !== 'copied') return;
    const timer = setTimeout(() => setOutcome({ kind: 'idle' }), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome({ kind: 'copied', length: text.length });
    } catch {
      setOutcome({ kind: 'manual', text });
    }
  };
  return { outcome, copy, field };
}
