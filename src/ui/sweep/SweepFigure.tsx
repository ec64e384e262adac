import { useId, type ReactNode, type RefObject } from 'react';

/** A sweep view's figure: its words, a focusable canvas, the readout, a hint and `children`. */
export function SweepFigure({
  canvasRef,
  wordsRef,
  readoutRef,
  className,
  label,
  hint,
  children,
}: {
  /** The canvas the view draws into, outside React. */
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** What an empty picture means, in words ("Diverges everywhere"). */
  readonly wordsRef: RefObject<HTMLParagraphElement | null>;
  /** The hovered or focused cell or point, in words. */
  readonly readoutRef: RefObject<HTMLParagraphElement | null>;
  readonly className: string;
  /** The canvas's name until the first drawing names it better. */
  readonly label: string;
  readonly hint: string;
  readonly children?: ReactNode;
}) {
  const hintId = useId();
  return (
    <figure className="sweep-figure">
      <p ref={wordsRef} className="sweep-words" aria-live="polite" />
      <canvas
        ref={canvasRef}
        className={`sweep-canvas ${className}`}
        tabIndex={0}
        role="img"
        aria-label={label}
        aria-describedby={hintId}
      />
      <figcaption>
        <p ref={readoutRef} className="readout sweep-readout" aria-live="polite" />
        <p id={hintId} className="hint">
          {hint}
        </p>
        {children}
      </figcaption>
    </figure>
  );
}
