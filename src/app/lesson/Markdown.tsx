/**
 * Lesson prose. react-markdown builds React elements from the Markdown syntax tree and does not
 * render raw HTML (no rehype-raw), so nothing in a lesson can inject markup or script.
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

export function Markdown({ text, components }: { text: string; components?: Components }) {
  return (
    <div className="lesson-prose">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}
