import { useEffect, useId, useMemo, useState } from 'react';
import { sceneHash } from '../../preset/index.ts';
import { selectScene } from '../../state/store.ts';
import { useLab } from '../../state/useLab.ts';
import { lessonPath, lessonStep, stepHash } from './path.ts';
import './lesson.css';

/**
 * The lesson path's step on screen, beside the landscape: where it is on the path, the scene's title and
 * what to look at and why (the gallery's lesson, whose figures the tests measure again), and links
 * to the step before and after. The lab stays live: the scene can be edited like any other. A
 * step's link opens it; `start` is the step the page was opened at (read before the address is
 * rewritten). Links to plain scenes leave the path.
 */
export function LessonBar({ start }: { readonly start: number | null }) {
  const [k, setK] = useState(start);
  useEffect(() => {
    // The URL navigated to: the page rewrites its address to the scene's canonical link at once.
    const onHashChange = (e: HashChangeEvent) => setK(lessonStep(new URL(e.newURL).hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  if (k === null) return null;
  return <Step k={k} onLeave={() => setK(null)} />;
}

/** Step `k` of the path, and whether the scene on screen is still the step's own. */
function Step({ k, onLeave }: { readonly k: number; readonly onLeave: () => void }) {
  const headingId = useId();
  const step = lessonPath[k]!;
  const own = useMemo(() => stepHash(step), [step]);
  // Hashed when the scene changes (selectScene keeps its identity through playback), not per tick.
  const scene = useLab(selectScene);
  const edited = useMemo(
    () => `#${sceneHash(scene)}&lesson=${step.scene.id}` !== own,
    [scene, step, own],
  );
  const previous = lessonPath[k - 1];
  const next = lessonPath[k + 1];
  return (
    <section className="lesson" aria-labelledby={headingId}>
      <p className="lesson-where">
        Lesson path · step {k + 1} of {lessonPath.length} · {step.chapter.title}:{' '}
        {step.chapter.about}
      </p>
      <h2 id={headingId} className="lesson-title">
        {step.scene.title}
      </h2>
      <p className="lesson-text">{step.scene.lesson}</p>
      {edited && (
        <p className="lesson-edited">
          The scene has changed since this step opened it: the text above is about the step’s own
          scene, which “Link to this step” brings back.
        </p>
      )}
      <nav className="lesson-nav" aria-label="Lesson path">
        {previous ? (
          <a href={stepHash(previous)} rel="prev">
            ← Back: {previous.scene.title}
          </a>
        ) : (
          <span>The first step.</span>
        )}
        {next ? (
          <a href={stepHash(next)} rel="next">
            Next: {next.scene.title} →
          </a>
        ) : (
          <span>The last step: the path ends here.</span>
        )}
        <a href={own}>Link to this step</a>
        <button type="button" className="ctl-button" onClick={onLeave}>
          Leave the path
        </button>
      </nav>
    </section>
  );
}
