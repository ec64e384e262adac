import { chapters, type Chapter, type GalleryScene } from '../../gallery/scenes.ts';
import { sceneFromPreset, sceneHash } from '../../preset/index.ts';
import { hashParam } from '../../preset/link.ts';

/** One step of the lesson path: a gallery scene, in its chapter. */
export interface LessonStep {
  readonly scene: GalleryScene;
  readonly chapter: Chapter;
}

/** Every gallery scene in teaching order, chapter by chapter. */
export const lessonPath: readonly LessonStep[] = chapters.flatMap((chapter) =>
  chapter.scenes.map((scene) => ({ scene, chapter })),
);

/**
 * Step `step`'s link: the scene, and `lesson=<id>` for the page to show the step's text. Made when
 * asked (compressing every scene at start-up would cost the page for nothing).
 */
export const stepHash = (step: LessonStep): string =>
  `#${sceneHash(sceneFromPreset(step.scene.preset))}&lesson=${step.scene.id}`;

/** The index of the step a link's hash names (`…&lesson=<id>`), or null for none or an unknown id. */
export function lessonStep(hash: string): number | null {
  const id = hashParam(hash, 'lesson');
  if (id === undefined) return null;
  const k = lessonPath.findIndex((step) => step.scene.id === id);
  return k < 0 ? null : k;
}
