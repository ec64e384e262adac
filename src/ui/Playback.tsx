import { useId } from 'react';
import { useLab, useLabActions } from '../state/useLab.ts';
import { epochText } from './network/epochText.ts';
import './chart.css';

/** Playback speeds offered, in steps per second. */
const SPEEDS = [50, 250, 1000, 5000] as const;

/**
 * Playback controls: play/pause, restart, speed, a step scrubber, a step readout and the keyboard
 * hint. The clock and the keys live in `usePlaybackClock()` and `useShortcuts()`, which the page
 * calls once (App does); these controls only read and change the store.
 */
export function Playback() {
  const playing = useLab((s) => s.playback.playing);
  const step = useLab((s) => s.playback.step);
  const speed = useLab((s) => s.playback.speed);
  const steps = useLab((s) => s.steps);
  const network = useLab((s) => s.network);
  const actions = useLabActions();
  const speedId = useId();
  const stepId = useId();
  const speeds: readonly number[] = SPEEDS.includes(speed as (typeof SPEEDS)[number])
    ? SPEEDS
    : [...SPEEDS, speed].sort((a, b) => a - b);

  return (
    <div className="playback" role="group" aria-label="Playback">
      <button
        type="button"
        className="playback-play"
        onClick={() => (playing ? actions.pause() : actions.play())}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶\uFE0E'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => {
          actions.seek(0);
          actions.play();
        }}
      >
        Restart
      </button>
      <span className="playback-field">
        <label htmlFor={speedId}>Speed</label>
        <select
          id={speedId}
          value={speed}
          onChange={(e) => actions.setSpeed(Number(e.currentTarget.value))}
        >
          {speeds.map((v) => (
            <option key={v} value={v}>
              {v} steps/s
            </option>
          ))}
        </select>
      </span>
      <span className="playback-field playback-scrubber">
        <label htmlFor={stepId}>Step</label>
        <input
          id={stepId}
          type="range"
          min={0}
          max={steps}
          step={1}
          value={Math.min(step, steps)}
          aria-valuetext={`step ${step} of ${steps}${network ? `, ${epochText(network, step, steps)}` : ''}`}
          onChange={(e) => actions.seek(Number(e.currentTarget.value))}
        />
      </span>
      <span className="playback-step">
        step {step} / {steps}
        {network && ` · ${epochText(network, step, steps)}`}
      </span>
      <p className="playback-hint">
        Space play/pause · ← → step (Shift: 10%) · Home / End first / last step
      </p>
    </div>
  );
}
