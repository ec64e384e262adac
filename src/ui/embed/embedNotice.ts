import type { EmbedOptions } from '../../preset/embed.ts';
import type { Shown } from '../../state/persistence.ts';
import type { Notice } from '../../state/store.ts';

/**
 * What an embed says about its link: what was wrong with the scene (as the full app says it), no
 * scene at all, and the controls it does not know (ignored); null when all is well.
 */
export function embedNotice(link: Shown | null, options: EmbedOptions): Notice | null {
  const lines = [...(link?.notice?.lines ?? [])];
  if (!link) lines.push('The link holds no scene (#s=1.…): showing the default scene.');
  if (options.unknown.length) {
    lines.push(
      `Unknown controls, ignored: ${options.unknown.join(', ')}. Known: playback, none, or a ` +
        'hyperparameter name such as lr, momentum or betas.',
    );
  }
  if (lines.length === 0) return null;
  return { title: link?.notice?.title ?? 'Parts of this embed link were not understood', lines };
}
