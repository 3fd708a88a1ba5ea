/**
 * Splits what xterm delivers (one key, or a whole paste) into keys: escape sequences stay whole,
 * everything else is one character. Both LF and CR count as Enter so pasted text runs line by line.
 */
export type Key =
  | { k: 'char'; ch: string }
  | { k: 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'tab' }
  | { k: 'ctrl'; ch: string }
  | { k: 'alt'; ch: string }
  | { k: 'ignored' };

const SEQUENCES: Record<string, Key> = {
  '\x1b[A': { k: 'up' },
  '\x1b[B': { k: 'down' },
  '\x1b[C': { k: 'right' },
  '\x1b[D': { k: 'left' },
  '\x1bOA': { k: 'up' },
  '\x1bOB': { k: 'down' },
  '\x1bOC': { k: 'right' },
  '\x1bOD': { k: 'left' },
  '\x1b[H': { k: 'home' },
  '\x1b[F': { k: 'end' },
  '\x1bOH': { k: 'home' },
  '\x1bOF': { k: 'end' },
  '\x1b[1~': { k: 'home' },
  '\x1b[4~': { k: 'end' },
  '\x1b[3~': { k: 'delete' },
  // Ctrl+←/→ move by words, as readline binds them.
  '\x1b[1;5D': { k: 'alt', ch: 'b' },
  '\x1b[1;5C': { k: 'alt', ch: 'f' },
};

export function* keys(data: string): Generator<Key> {
  for (let i = 0; i < data.length; ) {
    const c = data[i];
    if (c === '\x1b') {
      const m = data.slice(i).match(/^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|[\s\S])?/)!;
      i += m[0].length;
      const known = SEQUENCES[m[0]];
      if (known) yield known;
      else if (m[1] && m[1].length === 1) yield { k: 'alt', ch: m[1].toLowerCase() };
      else yield { k: 'ignored' };
      continue;
    }
    i++;
    if (c === '\r') {
      if (data[i] === '\n') i++; // CRLF from a pasted Windows file is one Enter
      yield { k: 'enter' };
    } else if (c === '\n') yield { k: 'enter' };
    else if (c === '\x7f' || c === '\b') yield { k: 'backspace' };
    else if (c === '\t') yield { k: 'tab' };
    else if (c < ' ') yield { k: 'ctrl', ch: String.fromCharCode(c.charCodeAt(0) + 96) };
    else yield { k: 'char', ch: c };
  }
}
