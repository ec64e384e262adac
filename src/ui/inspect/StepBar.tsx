import { useLab, useLabActions } from '../../state/useLab.ts';

/**
 * The inspectors' step controls: Step 1, previous and next step (the page's ← → keys do the same)
 * and which step is shown, `note` saying why it is not the cursor's (hovered, say).
 */
export function StepBar({
  shown,
  steps,
  note,
}: {
  readonly shown: number;
  readonly steps: number;
  readonly note: string;
}) {
  const cursor = useLab((s) => s.playback.step);
  const playing = useLab((s) => s.playback.playing);
  const actions = useLabActions();
  return (
    <div className="step-bar" role="group" aria-label="Step by step">
      <button type="button" onClick={() => actions.seek(1)}>
        Step 1
      </button>
      <button
        type="button"
        aria-keyshortcuts="ArrowLeft"
        onClick={() => actions.seek(cursor - 1)}
        disabled={cursor <= 0}
      >
        ◀ Previous step
      </button>
      <button
        type="button"
        className="step-next"
        aria-keyshortcuts="ArrowRight"
        onClick={() => actions.seek(cursor + 1)}
        disabled={cursor >= steps}
      >
        Next step ▶
      </button>
      {/* Announced when stepping by hand; during playback it would speak every frame. */}
      <span className="step-bar-step" aria-live={playing ? 'off' : 'polite'}>
        step {shown} of {steps}
        {note}
      </span>
    </div>
  );
}
