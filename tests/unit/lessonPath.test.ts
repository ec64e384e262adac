import { describe, expect, it } from 'vitest';
import { chapters, gallery } from '../../src/gallery/scenes.ts';
import { readLink, sceneFromPreset } from '../../src/preset/index.ts';
import { lessonPath, lessonStep, stepHash } from '../../src/ui/lesson/path.ts';

describe('the lesson path', () => {
  it('is the gallery, chapter by chapter, each scene once', () => {
    expect(lessonPath.map((s) => s.scene)).toEqual(gallery);
    expect(chapters.map((c) => c.title)).toEqual([
      'Direction',
      'Scale',
      'Time',
      'Noise',
      'Mini-batches',
      'Switching',
      'Networks',
      'Many runs',
    ]);
    for (const c of chapters) expect(c.scenes.length).toBeGreaterThan(0);
  });

  it('links each step to its scene and back to its place on the path', () => {
    lessonPath.forEach((step, k) => {
      const hash = stepHash(step);
      expect(lessonStep(hash)).toBe(k);
      const read = readLink(hash);
      expect(read.found && read.problems).toEqual([]);
      expect(read.found && read.scene).toEqual(sceneFromPreset(step.scene.preset));
    });
  });

  it('names no step for links without one or with an unknown id', () => {
    expect(lessonStep('#s=1.abc')).toBeNull();
    expect(lessonStep('#s=1.abc&lesson=no-such-scene')).toBeNull();
    expect(lessonStep('lesson=momentum-valley')).toBe(0);
  });
});
