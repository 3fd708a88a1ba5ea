/** Loads and validates one lesson for the player (the lesson's files are a lazy chunk). */
import { useEffect, useState } from 'react';
import { lessonFiles } from '../../lessons/catalog';
import { loadLesson } from '../../lessons/loader';
import { LessonError, type Lesson } from '../../lessons/types';

export type LessonLoad = { state: 'loading' } | { state: 'missing' } | { state: 'invalid'; message: string } | { state: 'ready'; lesson: Lesson };

export function useLesson(slug: string): LessonLoad {
  const [load, setLoad] = useState<LessonLoad>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setLoad({ state: 'loading' });
    lessonFiles(slug).then(
      (files) => {
        if (!live) return;
        if (!files) return setLoad({ state: 'missing' });
        try {
          setLoad({ state: 'ready', lesson: loadLesson(slug, files) });
        } catch (e) {
          setLoad({ state: 'invalid', message: e instanceof LessonError ? e.message : String(e) });
        }
      },
      (e) => live && setLoad({ state: 'invalid', message: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [slug]);
  return load;
}
