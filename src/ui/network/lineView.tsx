import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { lineBarrier } from '../../engine/network/barrier.ts';
import { lineJsonChunks } from '../../preset/lineFormat.ts';
import type { Feed } from '../../workers/feed.ts';
import { saveFile, textFile } from '../download.ts';
import type { SwitchedView } from '../layout/ViewSwitch.tsx';
import '../data/data.css';
import { finiteRuns, type LineChannel, type LineChoice } from './lineChannel.ts';
import { LineChart, type LineData } from './LineChart.tsx';
import { lineSentence } from './lineText.ts';
import type { NetworkPicture } from './networkPicture.ts';

/** A feed's newest value, re-rendering when it changes. */
function useFeed<T>(feed: Feed<T>): T | null {
  return useSyncExternalStore(
    (listener) => feed.subscribe(listener),
    () => feed.current,
  );
}

/** The chosen pair, kept while both runs still have ends; else the first two that do. */
function pairOf(
  finite: readonly number[],
  from: number | null,
  to: number | null,
): [number, number] {
  const a = from !== null && finite.includes(from) ? from : finite[0]!;
  const b = to !== null && finite.includes(to) ? to : (finite.find((k) => k !== a) ?? a);
  return [a, b];
}

/**
 * "Between two ends": the training and test losses along the straight line between two runs'
 * last parameters, t = 0 at the first and 1 at the second, with a margin beyond both (Goodfellow
 * et al. 2015): is there a barrier between the two minima? The reader picks the runs; the network
 * worker computes the line (LineChannel); the sentence under the chart says what the numbers show.
 */
function LineView({
  feed,
  channel,
}: {
  readonly feed: Feed<NetworkPicture | null>;
  readonly channel: LineChannel;
}) {
  const picture = useFeed(feed);
  const result = useFeed(channel.result);
  const [chosen, setChosen] = useState<[number | null, number | null]>([null, null]);
  const ids = { heading: useId(), from: useId(), to: useId(), sentence: useId() };
  const finite = useMemo(() => (picture ? finiteRuns(picture) : []), [picture]);
  const enough = finite.length >= 2;
  const [from, to] = enough ? pairOf(finite, ...chosen) : [0, 0];
  const same = from === to;
  const choice = useMemo<LineChoice | null>(
    () => (picture && enough && !same ? { picture, from, to } : null),
    [picture, enough, same, from, to],
  );

  useEffect(() => {
    channel.asked.publish(choice);
  }, [channel, choice]);
  useEffect(() => () => channel.asked.publish(null), [channel]);

  const optimizers = picture?.scene.optimizers ?? [];
  const name = (k: number) => optimizers[k]?.label ?? `run ${k + 1}`;
  const shown =
    result && choice && result.choice.picture === picture && result.choice.from === from
      ? result.choice.to === to
        ? result
        : null
      : null;
  const data = useMemo<LineData | null>(() => {
    if (!shown || 'error' in shown) return null;
    const { t, train, test } = shown;
    const end = (k: number) => ({ label: name(k), colour: optimizers[k]?.color ?? 'currentColor' });
    return { t, train, test, ends: [end(from), end(to)], barrier: lineBarrier(t, train) };
    // name and optimizers follow from the picture, which `shown` belongs to.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown]);
  const sentence =
    data &&
    lineSentence(
      name(from),
      name(to),
      data.barrier,
      data.test ? lineBarrier(data.t, data.test) : undefined,
    );

  // Named "Line from" and "Line to": the optimizer cards have selects named "to" (phases).
  const pick = (id: string, text: string, value: number, set: (k: number) => void) => (
    <label htmlFor={id}>
      {text}{' '}
      <select
        id={id}
        aria-label={`Line ${text.toLowerCase()}`}
        value={value}
        onChange={(e) => set(Number(e.target.value))}
      >
        {finite.map((k) => (
          <option key={k} value={k}>
            {name(k)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="data-view" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>Between two ends</h2>
      {!picture ? (
        <p className="data-hint">Training…</p>
      ) : !enough ? (
        <p className="data-hint">
          The line needs two runs that reached an end: this scene has{' '}
          {finite.length === 0 ? 'none' : 'one'} (a diverged run has no end of its own). Add an
          optimizer, or calm a diverging one, to compare two minima.
        </p>
      ) : (
        <>
          <p className="data-hint">
            The training and test losses on the straight line between two runs’ last parameters (t =
            0 at the first, 1 at the second, a half beyond each): does the path between the two
            minima climb a barrier?
          </p>
          <div className="line-pick">
            {pick(ids.from, 'From', from, (k) => setChosen([k, to]))}
            {pick(ids.to, 'to', to, (k) => setChosen([from, k]))}
          </div>
          {same ? (
            <p className="data-hint" role="status">
              Pick two different runs.
            </p>
          ) : shown && 'error' in shown ? (
            <p className="data-hint" role="alert">
              {shown.error}
            </p>
          ) : data && sentence ? (
            <>
              <LineChart data={data} label={sentence} />
              <p id={ids.sentence} className="line-sentence" aria-live="polite">
                {sentence}
              </p>
              <SaveLine from={from} to={to} data={data} />
            </>
          ) : (
            <p className="data-hint" role="status">
              Computing the line…
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * "Line as JSON": the shown line as `descent-lab slice <link> --plane line --run K --to L --grid
 * 81` prints it, character for character.
 */
function SaveLine({ from, to, data }: { from: number; to: number; data: LineData }) {
  const [message, setMessage] = useState('');
  const save = () => {
    const name = `descent-lab-line-${from}-${to}.json`;
    const text = [...lineJsonChunks(from, to, data.t, data.train, data.test)].join('');
    saveFile(name, textFile(text, 'application/json'));
    setMessage(`Saved ${name}.`);
  };
  return (
    <p className="line-save">
      <button type="button" className="ctl-button" onClick={save}>
        Line as JSON
      </button>{' '}
      <span role="status">{message}</span>
    </p>
  );
}

/** The view switch's entry for a network scene's line between two runs' ends. */
export const lineView = (
  feed: Feed<NetworkPicture | null>,
  channel: LineChannel,
): SwitchedView => ({
  id: 'line',
  label: 'Between two ends',
  gloss: 'the loss on the line between two runs: a barrier?',
  content: <LineView feed={feed} channel={channel} />,
});
