/**
 * Lesson prose. react-markdown builds React elements from the Markdown syntax tree and does not
 * render raw HTML (skipHtml, no rehype-raw), so nothing in a lesson can inject markup or script.
 * Fenced `sh` blocks get a "Run in terminal" button and `yaml` blocks a "Load into editor" one.
 */
import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

export interface TryIt {
  run(command: string): void;
  load(manifest: string): void;
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  return '';
}

function components(tryIt?: TryIt): Components {
  return {
    pre({ children }) {
      // The <code> child carries the language class; its text is the block's content.
      const child = Array.isArray(children) ? children[0] : children;
      const props = (child as { props?: { className?: string; children?: ReactNode } })?.props ?? {};
      const lang = /language-(\w+)/.exec(props.className ?? '')?.[1];
      const text = textOf(props.children).replace(/\n$/, '');
      const action = tryIt && (lang === 'sh' || lang === 'bash' || lang === 'console') ? 'run' : tryIt && (lang === 'yaml' || lang === 'yml') ? 'load' : undefined;
      return (
        <div className="code-block">
          {/* A long line scrolls sideways: focusable so keyboard users can scroll it too (WCAG 2.1.1). */}
          <pre tabIndex={0}>{children}</pre>
          {action === 'run' && (
            <button type="button" className="try-it" onClick={() => tryIt!.run(text)} aria-label={`Run in terminal: ${text.split('\n')[0]}`}>
              Run in terminal
            </button>
          )}
          {action === 'load' && (
            <button type="button" className="try-it" onClick={() => tryIt!.load(text)}>
              Load into editor
            </button>
          )}
        </div>
      );
    },
  };
}

export function Markdown({ text, tryIt }: { text: string; tryIt?: TryIt }) {
  return (
    <div className="lesson-prose">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components(tryIt)} skipHtml>
        {text}
      </ReactMarkdown>
    </div>
  );
}

/** One line of Markdown (check sentences): no paragraph around it. */
export function InlineMarkdown({ text }: { text: string }) {
  return (
    <ReactMarkdown skipHtml allowedElements={['code', 'em', 'strong', 'p']} unwrapDisallowed components={{ p: ({ children }) => <>{children}</> }}>
      {text}
    </ReactMarkdown>
  );
}
