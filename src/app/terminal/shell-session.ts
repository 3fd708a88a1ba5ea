/**
 * The interactive shell in the browser terminal: turns keys into an edited line, runs complete
 * commands on the engine through SimClient, and shows their output as it streams. Knows nothing
 * of the DOM: it writes to anything with `write` and `cols`, so it is tested in Node.
 *
 * Keys typed or pasted while a command runs are kept and replayed at the next prompt (typeahead);
 * Ctrl+C interrupts the command and drops them, as a tty's SIGINT flushes its input.
 *
 * While a command reads the terminal (an interactive `kubectl exec -it … -- sh`), the line editor
 * works for it instead: the container shell prints its own prompt, each Enter sends the line to
 * the session, ↑/↓ recall the session's own history, Ctrl+C goes to the container (the terminal
 * echoes `^C`) and Ctrl+D on an empty line ends the input.
 *
 * Ctrl+R searches the history backwards as bash does: `(reverse-i-search)`query': match`.
 */
import type { SimClient } from '../../client/SimClient';
import { needsMoreInput } from './continuation';
import { History } from './history';
import { keys, type Key } from './keys';
import { LineBuffer } from './line-buffer';

export interface TermLike {
  write(data: string): void;
  readonly cols: number;
}

const CONTINUATION_PROMPT = '> ';

export class ShellSession {
  private readonly line = new LineBuffer();
  readonly history = new History();
  private prompt = '';
  private mainPrompt = '';
  /** Lines already entered for a command that continues (here-document, open quote). */
  private pendingLines: string[] = [];
  private busy = true;
  private queue: Key[] = [];
  /** Rows between the prompt's first row and the cursor, for redrawing wrapped lines. */
  private cursorRow = 0;
  private lastKeyWasTab = false;
  private readonly off: () => void;
  /** The running command reads the terminal: lines go to it (see class comment). */
  private session = false;
  private sessionHistory = new History();
  /** What the screen's current line holds after the last output (the session's prompt). */
  private partialLine = '';
  /** Ctrl+R in progress. */
  private search?: { query: string; at: number; match: string; failed: boolean; original: string; prompt: string };

  constructor(
    private readonly term: TermLike,
    private readonly client: SimClient,
  ) {
    this.off = client.on({
      output: (text) => this.output(text),
      done: (_status, prompt) => {
        this.session = false;
        this.showPrompt(prompt);
      },
      stdin: (open) => (open ? this.openSession() : this.closeSession()),
    });
    void client.ready().then((p) => this.showPrompt(p));
  }

  dispose(): void {
    this.off();
  }

  /** Everything xterm's onData delivers: keystrokes and pastes. */
  input(data: string): void {
    for (const key of keys(data)) {
      if (key.k === 'ctrl' && key.ch === 'c' && this.busy) {
        this.queue = [];
        this.client.interrupt();
        continue;
      }
      this.queue.push(key);
    }
    this.drain();
  }

  private output(text: string): void {
    this.term.write(text);
    const nl = text.lastIndexOf('\n');
    this.partialLine = nl < 0 ? this.partialLine + text : text.slice(nl + 1);
    // In a session the program's prompt is whatever its output left on the line.
    if (this.session) {
      this.prompt = this.partialLine;
      this.cursorRow = 0;
    }
  }

  /** The running command started reading the terminal: edit lines for it. */
  private openSession(): void {
    this.session = true;
    this.sessionHistory = new History();
    this.prompt = this.partialLine;
    this.line.set('');
    this.cursorRow = 0;
    this.busy = false;
    this.drain();
  }

  private closeSession(): void {
    this.session = false;
    this.busy = true;
  }

  private get activeHistory(): History {
    return this.session ? this.sessionHistory : this.history;
  }

  private drain(): void {
    while (!this.busy && this.queue.length) this.handle(this.queue.shift()!);
  }

  private showPrompt(prompt: string): void {
    this.mainPrompt = prompt;
    // As in bash, output that did not end its line (a jsonpath result, curl of a body without a
    // newline) stays on screen with the prompt after it; redraws keep it as part of the prompt.
    this.prompt = this.partialLine + prompt;
    this.pendingLines = [];
    this.line.set('');
    this.cursorRow = 0;
    this.history.reset();
    this.term.write(prompt);
    this.partialLine = '';
    this.busy = false;
    this.drain();
  }

  private handle(key: Key): void {
    const wasTab = this.lastKeyWasTab;
    this.lastKeyWasTab = false;
    if (this.search && this.searchKey(key)) return;
    const l = this.line;
    switch (key.k) {
      case 'char': {
        const atEnd = l.cursor === l.text.length;
        l.insert(key.ch);
        // Typing at the end of the line only appends (screen readers then hear just the new
        // character); a redraw is needed when the text moves or the line wraps.
        const at = this.prompt.length + l.cursor;
        if (atEnd && at % Math.max(1, this.term.cols) !== 0) {
          this.cursorRow = Math.floor(at / Math.max(1, this.term.cols));
          this.term.write(key.ch);
          return;
        }
        break;
      }
      case 'enter':
        return this.enter();
      case 'tab':
        // A session's program completes nothing here (its own completion would need raw mode).
        if (this.session) return void this.term.write('\x07');
        this.lastKeyWasTab = true;
        void this.complete(wasTab);
        return;
      case 'backspace':
        l.backspace();
        break;
      case 'delete':
        l.deleteForward();
        break;
      case 'left':
        l.left();
        break;
      case 'right':
        l.right();
        break;
      case 'home':
        l.home();
        break;
      case 'end':
        l.end();
        break;
      case 'up': {
        const prev = this.pendingLines.length ? undefined : this.activeHistory.previous(l.text);
        if (prev === undefined) return;
        l.set(prev);
        break;
      }
      case 'down': {
        const next = this.pendingLines.length ? undefined : this.activeHistory.next();
        if (next === undefined) return;
        l.set(next);
        break;
      }
      case 'alt':
        if (key.ch === 'b') l.wordLeft();
        else if (key.ch === 'f') l.wordRight();
        else return;
        break;
      case 'ctrl':
        if (!this.control(key.ch)) return;
        break;
      default:
        return;
    }
    this.redraw();
  }

  /** Control keys at the prompt; returns whether the line needs redrawing. */
  private control(ch: string): boolean {
    const l = this.line;
    switch (ch) {
      case 'a':
        l.home();
        return true;
      case 'e':
        l.end();
        return true;
      case 'b':
        l.left();
        return true;
      case 'f':
        l.right();
        return true;
      case 'u':
        l.killToStart();
        return true;
      case 'k':
        l.killToEnd();
        return true;
      case 'w':
        l.killWordBack();
        return true;
      case 'd':
        // Ctrl+D on an empty line: end of input for a session (the workstation shell stays).
        if (this.session && !l.text) {
          this.client.endOfFile();
          return false;
        }
        l.deleteForward();
        return true;
      case 'r':
        this.startSearch();
        return false;
      case 'l':
        // Clear the screen and keep the line being typed, as bash does.
        this.term.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        return true;
      case 'c':
        this.moveToEnd();
        if (this.session) {
          // The terminal echoes ^C; the program inside decides what comes next (ash: a new prompt).
          this.term.write('^C');
          this.line.set('');
          this.cursorRow = 0;
          this.sessionHistory.reset();
          this.client.interrupt();
          return false;
        }
        this.term.write('^C\r\n');
        this.showPrompt(this.mainPrompt);
        return false;
      default:
        return false;
    }
  }

  private enter(): void {
    this.moveToEnd();
    this.term.write('\r\n');
    if (this.session) {
      const typed = this.line.text;
      this.sessionHistory.add(typed);
      this.line.set('');
      this.cursorRow = 0;
      this.partialLine = '';
      this.prompt = '';
      this.client.input(typed);
      return;
    }
    const lines = [...this.pendingLines, this.line.text];
    const text = lines.join('\n');
    if (needsMoreInput(text)) {
      this.pendingLines = lines;
      this.prompt = CONTINUATION_PROMPT;
      this.line.set('');
      this.cursorRow = 0;
      this.term.write(this.prompt);
      return;
    }
    // History keeps the line typed at the main prompt (a here-document's body is not replayed).
    this.history.add(lines[0]);
    if (!text.trim()) return this.showPrompt(this.mainPrompt);
    // The engine's shell keeps the numbered history; ↑ here forgets it too after `history -c`.
    if (/^history\s+-c\s*$/.test(text.trim())) this.history.clear();
    this.busy = true;
    this.client.run(text);
  }

  private startSearch(): void {
    if (this.search) return;
    this.search = { query: '', at: Infinity, match: '', failed: false, original: this.line.text, prompt: this.prompt };
    this.renderSearch();
  }

  /** Keys while searching; returns false when the key should then act on the accepted line. */
  private searchKey(key: Key): boolean {
    const s = this.search!;
    if (key.k === 'char') {
      s.query += key.ch;
      this.findMatch(s.at === Infinity ? undefined : s.at + 1);
    } else if (key.k === 'backspace') {
      s.query = s.query.slice(0, -1);
      this.findMatch(undefined);
    } else if (key.k === 'ctrl' && key.ch === 'r') {
      this.findMatch(s.at === Infinity ? undefined : s.at);
    } else if (key.k === 'ctrl' && (key.ch === 'g' || key.ch === 'c')) {
      this.endSearch(s.original);
      return true;
    } else {
      // Any other key accepts the match into the line and then does its usual job (Enter runs it).
      this.endSearch(s.match || s.original);
      return false;
    }
    this.renderSearch();
    return true;
  }

  private findMatch(before: number | undefined): void {
    const s = this.search!;
    const found = s.query ? this.activeHistory.search(s.query, before) : undefined;
    if (found) {
      s.at = found.index;
      s.match = found.entry;
      s.failed = false;
    } else s.failed = !!s.query;
  }

  private renderSearch(): void {
    const s = this.search!;
    this.prompt = `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    this.line.set(s.match);
    const at = s.match.indexOf(s.query);
    if (s.query && at >= 0) {
      this.line.home();
      for (let i = 0; i < at; i++) this.line.right();
    }
    this.redraw();
  }

  private endSearch(text: string): void {
    const s = this.search!;
    this.search = undefined;
    this.prompt = s.prompt;
    this.line.set(text);
    this.redraw();
  }

  private async complete(secondTab: boolean): Promise<void> {
    this.busy = true; // keys typed while the engine answers wait their turn
    const { text, cursor } = this.line;
    const c = await this.client.complete(text, cursor);
    const word = text.slice(c.from, c.to);
    if (c.candidates.length === 1) {
      this.line.replace(c.from, c.to, c.candidates[0] + (c.closes ? ' ' : ''));
      this.redraw();
    } else if (c.candidates.length > 1) {
      const common = commonPrefix(c.candidates);
      if (common.length > word.length) {
        this.line.replace(c.from, c.to, common);
        this.redraw();
      } else if (secondTab) {
        this.moveToEnd();
        this.term.write('\r\n' + columns(c.candidates, this.term.cols));
        this.cursorRow = 0;
        this.redraw();
      } else this.term.write('\x07');
    } else this.term.write('\x07');
    this.busy = false;
    this.drain();
  }

  /** Put the terminal cursor after the end of the line (before Enter or a listing). */
  private moveToEnd(): void {
    this.line.end();
    this.redraw();
  }

  /**
   * Rewrite prompt and line from the prompt's first row, then place the cursor. Works when the
   * line wraps: positions are counted in cells of `cols` columns.
   */
  private redraw(): void {
    const cols = Math.max(1, this.term.cols);
    let out = this.cursorRow ? `\x1b[${this.cursorRow}A` : '';
    out += '\r' + this.prompt + this.line.text + '\x1b[J';
    const len = this.prompt.length + this.line.text.length;
    // At the last column the terminal waits to wrap; make it wrap so the arithmetic holds.
    if (len > 0 && len % cols === 0) out += '\r\n';
    const endRow = Math.floor(len / cols);
    const at = this.prompt.length + this.line.cursor;
    const row = Math.floor(at / cols);
    const col = at % cols;
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += '\r' + (col ? `\x1b[${col}C` : '');
    this.cursorRow = row;
    this.term.write(out);
  }
}

function commonPrefix(words: string[]): string {
  let p = words[0];
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates in columns across the terminal's width, as bash lists them. */
function columns(words: string[], cols: number): string {
  const width = Math.max(...words.map((w) => w.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  let out = '';
  for (let i = 0; i < words.length; i += perRow) {
    out += words.slice(i, i + perRow).map((w, j, row) => (j === row.length - 1 ? w : w.padEnd(width))).join('') + '\r\n';
  }
  return out;
}
