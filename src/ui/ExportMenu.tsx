import { useState, type RefObject } from 'react';
import { toPreset, writeCsv, writeJson } from '../preset/index.ts';
import { legendEntries } from '../render/export/legend.ts';
import { landscapePng } from '../render/export/png.ts';
import { landscapeSvg } from '../render/export/svg.ts';
import type { Frame } from '../render/frame.ts';
import { selectScene } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';
import type { RunSet } from '../workers/runs.ts';
import { saveFile, textFile } from './download.ts';
import { colourScale } from './colourScale.ts';
import { useRunFeed } from './feeds.ts';
import { useTorchScript } from './useTorchScript.ts';
import { formatNumber } from './format.ts';

/** What the landscape last drew: its canvas and frame, for exports. */
export interface LandscapeSnapshot {
  readonly canvas: HTMLCanvasElement;
  readonly frame: Frame;
}

type Format = 'png' | 'svg' | 'csv' | 'json' | 'preset' | 'pytorch' | 'py';

const choices: readonly { format: Format; label: string }[] = [
  { format: 'png', label: 'Image (PNG)' },
  { format: 'svg', label: 'Vector image (SVG)' },
  { format: 'csv', label: 'Trajectories (CSV)' },
  { format: 'json', label: 'Trajectories (JSON)' },
  { format: 'preset', label: 'Scene preset (JSON)' },
  { format: 'pytorch', label: 'Copy as PyTorch' },
  { format: 'py', label: 'Download .py' },
];

/**
 * Downloads of the scene: the landscape as PNG or SVG, the trajectories, the preset; and the scene
 * as a PyTorch script, copied or downloaded.
 */
export function ExportMenu({ snapshot }: { snapshot: RefObject<LandscapeSnapshot | null> }) {
  const store = useLabStore();
  const feed = useRunFeed();
  const torch = useTorchScript();
  const [message, setMessage] = useState('');

  const run = async (format: Format) => {
    if (format === 'pytorch' || format === 'py') return pytorch(format);
    const scene = selectScene(store.getState());
    const base = `descent-lab-${scene.fn.id.replace(/_/g, '-')}`;
    if (format === 'preset') {
      const json = `${JSON.stringify(toPreset(scene), null, 2)}\n`;
      return save(`${base}.preset.json`, textFile(json, 'application/json'));
    }
    const set = feed.current;
    if (!set?.complete || set.scene !== scene) {
      return setMessage('Still computing: try again when the paths are complete.');
    }
    if (format === 'csv' || format === 'json') {
      let text = '';
      const sink = { write: (chunk: string) => void (text += chunk) };
      const runs = completeRuns(set);
      if (format === 'csv') writeCsv(runs, sink);
      else writeJson(set.scene, runs, sink);
      const type = format === 'csv' ? 'text/csv' : 'application/json';
      return save(`${base}.trajectories.${format}`, textFile(text, type));
    }
    const shot = snapshot.current;
    if (!shot) return setMessage('The landscape has not been drawn yet.');
    const hidden = store.getState().optimizers.map((o) => o.hidden);
    const legend = legendEntries(set.scene.optimizers, set.runs, hidden, formatNumber);
    const background = getComputedStyle(shot.canvas).getPropertyValue('--bg').trim() || '#fff';
    const field = shot.frame.content.field;
    const key = field ? colourScale(field) : null;
    if (format === 'png') {
      const blob = await landscapePng(shot.canvas, legend, shot.frame.theme, background, key);
      return save(`${base}.png`, blob);
    }
    const svg = landscapeSvg(shot.frame, legend, background, key);
    return save(`${base}.svg`, textFile(svg, 'image/svg+xml'));
  };

  const pytorch = async (format: 'pytorch' | 'py') => {
    const { text, name } = await torch().catch((e: Error) => {
      throw new Error(`Cannot export this scene to PyTorch: ${e.message}.`);
    });
    if (format === 'py') return save(name, textFile(text, 'text/x-python'));
    try {
      await navigator.clipboard.writeText(text);
      setMessage(`PyTorch script copied (${text.split('\n').length} lines): run it with python3.`);
    } catch {
      setMessage('The clipboard is not available here: use Download .py.');
    }
  };

  const save = (name: string, blob: Blob) => {
    saveFile(name, blob);
    setMessage(`Saved ${name}.`);
  };

  return (
    <details className="menu export-menu">
      <summary className="ctl-button">Export</summary>
      <ul>
        {choices.map(({ format, label }) => (
          <li key={format}>
            <button
              type="button"
              className="ctl-button"
              onClick={() => void run(format).catch((e: Error) => setMessage(e.message))}
            >
              {label}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" className="menu-status">
        {message}
      </p>
    </details>
  );
}

/** The set's runs trimmed to their points, as the command line writes them. */
const completeRuns = (set: RunSet) =>
  set.runs.map((r) => ({
    x: r.x.subarray(0, r.length),
    y: r.y.subarray(0, r.length),
    f: r.f.subarray(0, r.length),
    lr: r.lr.subarray(0, r.divergedAt ?? r.lr.length),
    ...(r.testF ? { testF: r.testF.subarray(0, r.length) } : {}),
    divergedAt: r.divergedAt,
  }));
