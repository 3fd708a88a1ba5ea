/**
 * Find in the terminal's scrollback (Ctrl+Shift+F): a labelled search field with previous/next
 * buttons. Enter finds the next match, Shift+Enter the previous one, Escape closes the box and
 * returns focus to the terminal. The result is announced politely.
 */
import { useEffect, useRef, useState } from 'react';

export interface TerminalSearchProps {
  /** Select the next (or previous) match; false when there is none. */
  find(text: string, backwards: boolean): boolean;
  close(): void;
}

export function TerminalSearch({ find, close }: TerminalSearchProps) {
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => field.current?.focus(), []);

  const go = (backwards: boolean) => {
    if (!text) return setStatus('');
    setStatus(find(text, backwards) ? '' : `No matches for “${text}”`);
  };

  return (
    <form
      className="terminal-search"
      role="search"
      aria-label="Find in terminal"
      onSubmit={(e) => {
        e.preventDefault();
        go(false);
      }}
    >
      <label>
        Find
        <input
          ref={field}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'Enter' && e.shiftKey) {
              e.preventDefault();
              go(true);
            }
          }}
        />
      </label>
      <button type="button" onClick={() => go(true)}>
        Previous
      </button>
      <button type="submit">Next</button>
      <button type="button" onClick={close}>
        Close
      </button>
      <span className="terminal-search-status" role="status">
        {status}
      </span>
    </form>
  );
}
