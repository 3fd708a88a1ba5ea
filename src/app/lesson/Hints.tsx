import { InlineMarkdown } from './Markdown';

/** Hints revealed one at a time; how many were shown is part of the learner's progress. */
export function Hints({ hints, shown, onReveal }: { hints: string[]; shown: number; onReveal: () => void }) {
  if (!hints.length) return null;
  const n = Math.min(shown, hints.length);
  return (
    <section className="lesson-hints" aria-label="Hints">
      {n > 0 && (
        <ol>
          {hints.slice(0, n).map((h, i) => (
            <li key={i}>
              <InlineMarkdown text={h} />
            </li>
          ))}
        </ol>
      )}
      {n < hints.length && (
        <button type="button" onClick={onReveal}>
          {n === 0 ? 'Show a hint' : 'Show another hint'} ({n + 1} of {hints.length})
        </button>
      )}
    </section>
  );
}
