import { describe, expect, it } from 'vitest';
import { controlsOption, readEmbedOptions } from '../../src/preset/embed.ts';
import { defaultScene, readLink, sceneHash } from '../../src/preset/index.ts';
import { embedNotice } from '../../src/ui/embed/embedNotice.ts';
import { embedUrl, iframeSnippet } from '../../src/ui/embed/snippet.ts';

describe('embed options in the link', () => {
  it('show playback when the link names no controls', () => {
    expect(readEmbedOptions('#s=1.abc')).toEqual({ playback: true, sliders: [], unknown: [] });
  });

  it('read playback, none and hyperparameter names, each once, in order; name the rest', () => {
    expect(readEmbedOptions('#s=1.abc&controls=none')).toEqual({
      playback: false,
      sliders: [],
      unknown: [],
    });
    expect(readEmbedOptions('#controls=lr,betas,playback,lr,wobble,%3Cb%3E&s=1.abc')).toEqual({
      playback: true,
      sliders: ['lr', 'betas'],
      unknown: ['wobble', '<b>'],
    });
    // A bad percent-escape is read as it stands, not thrown.
    expect(readEmbedOptions('#controls=%E0%A4').unknown).toEqual(['%E0%A4']);
  });

  it('write back what they read', () => {
    for (const hash of ['controls=playback,lr', 'controls=none', 'controls=momentum']) {
      expect(controlsOption(readEmbedOptions(`#${hash}`))).toBe(hash);
    }
  });
});

describe('an embed’s notice', () => {
  const options = readEmbedOptions('#controls=playback');
  const scene = { scene: defaultScene(), notice: null };

  it('is silent for a good link', () => {
    expect(embedNotice(scene, options)).toBeNull();
  });

  it('names unknown controls, a missing scene and what was wrong with the link', () => {
    const unknown = embedNotice(scene, readEmbedOptions('#controls=wobble'))!;
    expect(unknown.lines.join(' ')).toMatch(/Unknown controls, ignored: wobble\./);
    expect(embedNotice(null, options)!.lines[0]).toMatch(/holds no scene/);
    const bad = {
      scene: defaultScene(),
      notice: { title: 'This link could not be opened', lines: ['x'] },
    };
    expect(embedNotice(bad, options)).toEqual(bad.notice);
  });
});

describe('the embed code', () => {
  it('points at embed.html beside the lab, with the scene and the controls in the hash', () => {
    const hash = sceneHash(defaultScene());
    const url = embedUrl('https://example.org/lab/index.html#s=1.old', hash, {
      playback: true,
      sliders: ['lr'],
    });
    expect(url).toBe(`https://example.org/lab/embed.html#${hash}&controls=playback,lr`);
    expect(embedUrl('https://example.org/lab/', hash, { playback: false, sliders: [] })).toBe(
      `https://example.org/lab/embed.html#${hash}&controls=none`,
    );
    // The embed's link opens the same scene as the lab's.
    const read = readLink(url);
    expect(read.found && read.scene).toEqual(defaultScene());
  });

  it('is a titled, lazily loaded, borderless iframe, its attributes escaped', () => {
    const snippet = iframeSnippet(
      'https://e.org/embed.html#s=1.a&controls=none',
      'Descent Lab: "A" <b>',
    );
    expect(snippet).toBe(
      '<iframe src="https://e.org/embed.html#s=1.a&#38;controls=none" ' +
        'title="Descent Lab: &#34;A&#34; &#60;b&#62;" width="760" height="620" loading="lazy" ' +
        'style="border:0;max-width:100%"></iframe>',
    );
  });
});
