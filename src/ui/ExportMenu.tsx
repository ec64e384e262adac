import { useState, type RefObject } from 'react';
import { toPreset, writeCsv, writeJson } from '../preset/index.ts';
import { landscapePng } from '../render/export/png.ts';
import { landscapeSvg } from '../render/export/svg.ts';
import { selectScene } from '../state/store.ts';
import { useLabStore } from '../state/useLab.ts';
import type { RunSet } from '../workers/runs.ts';
import { saveFile, textFile } from './download.ts';
import { useRunFeed } from './feeds.ts';
import type { Feed } from '../workers/feed.ts';
import { networkRunsText } from './network/networkExport.ts';
import type { NetworkPicture } from './network/networkPicture.ts';
import { NETWORK_EXPORT } from './network/networkText.ts';
import { FigureExport } from './FigureExport.tsx';
import {
  completeSet,
  exportBase,
  landscapeExport,
  STILL_COMPUTING,
  type LandscapeSnapshot,
} from './landscapeExport.ts';
import { useTorchScript } from './useTorchScript.ts';

export type { LandscapeSnapshot } from './landscapeExport.ts';

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

/** What a network scene exports: all but the PyTorch script (torchScript says why). */
const NETWORK_EXPORTS: readonly Format[] = ['png', 'svg', 'csv', 'json', 'preset'];

/**
 * Downloads of the scene: the landscape as PNG or SVG, the trajectories, the preset; and the scene
 * as a PyTorch script, copied or downloaded.
 */
export function ExportMenu({
  snapshot,
  network,
}: {
  snapshot: RefObject<LandscapeSnapshot | null>;
  /** The network scene's runs (parameters, loss curves), which its trajectories export. */
  network: Feed<NetworkPicture | null>;
}) {
  const store = useLabStore();
  const feed = useRunFeed();
  const torch = useTorchScript();
  const [message, setMessage] = useState('');

  const run = async (format: Format) => {
    const scene = selectScene(store.getState());
    if (scene.network && !NETWORK_EXPORTS.includes(format)) return setMessage(NETWORK_EXPORT);
    if (format === 'pytorch' || format === 'py') return pytorch(format);
    const base = exportBase(store);
    if (format === 'preset') {
      const json = `${JSON.stringify(toPreset(scene), null, 2)}\n`;
      return save(`${base}.preset.json`, textFile(json, 'application/json'));
    }
    const set = completeSet(store, feed);
    if (typeof set === 'string') return setMessage(set);
    if ((format === 'csv' || format === 'json') && scene.network) {
      // A network's runs as descent-lab run prints them: loss curves, not the plane's x and y.
      const text = networkRunsText(set, network.current, format);
      if (text === null) return setMessage(STILL_COMPUTING);
      const type = format === 'csv' ? 'text/csv' : 'application/json';
      return save(`${base}.runs.${format}`, textFile(text, type));
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
    const image = landscapeExport(store, feed, snapshot);
    if (typeof image === 'string') return setMessage(image);
    const { shot, legend, key } = image;
    const background = getComputedStyle(shot.canvas).getPropertyValue('--bg').trim() || '#fff';
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
        <li>
          <FigureExport snapshot={snapshot} onSaved={save} onMessage={setMessage} />
        </li>
        <li>
          <p role="status" className="menu-status">
            {message}
          </p>
        </li>
      </ul>
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
