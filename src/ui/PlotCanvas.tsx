import { useEffect, useEffectEvent, useRef } from 'react';
import { sizeCanvas } from '../render/canvas.ts';
import { drawFrame } from '../render/draw.ts';
import { makeFrame, plotHeight, type Theme } from '../render/frame.ts';
import type { SceneResult } from '../workers/protocol.ts';
import { messageOf } from './useDefaultScene.ts';

interface Props {
  readonly result: SceneResult;
  /** What the plot shows, for screen readers. */
  readonly label: string;
  /** Called after every completed drawing. */
  readonly onDrawn: () => void;
  readonly onError: (message: string) => void;
}

function readTheme(canvas: HTMLCanvasElement): Theme {
  const style = getComputedStyle(canvas);
  return {
    text: style.getPropertyValue('--plot-text').trim() || '#1b1b1f',
    axis: style.getPropertyValue('--plot-axis').trim() || '#55555f',
    font: style.fontFamily || 'system-ui, sans-serif',
  };
}

/** The contour plot: sized to its container and the device pixel ratio, redrawn when either changes. */
export function PlotCanvas({ result, label, onDrawn, onError }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawn = useEffectEvent(onDrawn);
  const failed = useEffectEvent(onError);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let request = 0;
    const draw = () => {
      request = 0;
      const width = canvas.clientWidth;
      if (width <= 0) return;
      try {
        const height = plotHeight(width, result.scene.view);
        const ctx = sizeCanvas(canvas, width, height, window.devicePixelRatio || 1);
        drawFrame(ctx, makeFrame(width, height, result, readTheme(canvas)));
        drawn();
      } catch (error) {
        failed(messageOf(error));
      }
    };
    // One drawing per animation frame, however many changes arrive before it.
    const schedule = () => {
      if (request === 0) request = requestAnimationFrame(draw);
    };

    const resize = new ResizeObserver(schedule);
    resize.observe(canvas);
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', schedule);
    // A resolution query matches one ratio only, so it is renewed after every change.
    let ratio: MediaQueryList | undefined;
    const watchRatio = () => {
      ratio?.removeEventListener('change', onRatio);
      ratio = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      ratio.addEventListener('change', onRatio);
    };
    const onRatio = () => {
      watchRatio();
      schedule();
    };
    watchRatio();
    schedule();
    return () => {
      cancelAnimationFrame(request);
      resize.disconnect();
      scheme.removeEventListener('change', schedule);
      ratio?.removeEventListener('change', onRatio);
    };
  }, [result]);

  return <canvas ref={canvasRef} className="plot" role="img" aria-label={label} />;
}
