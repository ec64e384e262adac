import { controlsOption, type EmbedOptions } from '../../preset/embed.ts';
import { escape } from '../../render/export/svg.ts';

/** The frame's size in the snippet: the landscape and the chart side by side, and a slider row. */
export const EMBED_SIZE = { width: 760, height: 620 } as const;

/**
 * The address of the embed of a scene (its hash without `#`) beside the lab at `lab` (the lab's
 * own address, without its hash): embed.html in the same folder.
 */
export function embedUrl(
  lab: string,
  hash: string,
  options: Pick<EmbedOptions, 'playback' | 'sliders'>,
): string {
  const folder = lab.replace(/#.*$/, '').replace(/[^/]*$/, '');
  return `${folder}embed.html#${hash}&${controlsOption(options)}`;
}

/**
 * The `<iframe>` a course page pastes: titled for screen readers, loaded lazily, borderless and
 * never wider than its column. The embed sends its height (`descent-lab:height` messages) for
 * pages that resize it.
 */
export function iframeSnippet(url: string, title: string): string {
  const { width, height } = EMBED_SIZE;
  return (
    `<iframe src="${escape(url)}" title="${escape(title)}" width="${width}" ` +
    `height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>`
  );
}
