/**
 * The line being typed and its cursor, with bash's (readline's emacs mode) editing commands.
 * Pure state: the terminal session decides which key means what and redraws afterwards.
 */
const WORD = /[A-Za-z0-9]/;

export class LineBuffer {
  text = '';
  cursor = 0;

  set(text: string): void {
    this.text = text;
    this.cursor = text.length;
  }

  insert(s: string): void {
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  /** Replace [from, to) and put the cursor after the replacement (completion). */
  replace(from: number, to: number, s: string): void {
    this.text = this.text.slice(0, from) + s + this.text.slice(to);
    this.cursor = from + s.length;
  }

  backspace(): void {
    if (!this.cursor) return;
    this.text = this.text.slice(0, this.cursor - 1) + this.text.slice(this.cursor);
    this.cursor--;
  }

  deleteForward(): void {
    this.text = this.text.slice(0, this.cursor) + this.text.slice(this.cursor + 1);
  }

  left(): void {
    this.cursor = Math.max(0, this.cursor - 1);
  }

  right(): void {
    this.cursor = Math.min(this.text.length, this.cursor + 1);
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.text.length;
  }

  /** Alt+B: to the start of this or the previous word (letters and digits). */
  wordLeft(): void {
    let i = this.cursor;
    while (i > 0 && !WORD.test(this.text[i - 1])) i--;
    while (i > 0 && WORD.test(this.text[i - 1])) i--;
    this.cursor = i;
  }

  /** Alt+F: to the end of this or the next word. */
  wordRight(): void {
    let i = this.cursor;
    while (i < this.text.length && !WORD.test(this.text[i])) i++;
    while (i < this.text.length && WORD.test(this.text[i])) i++;
    this.cursor = i;
  }

  /** Ctrl+U: delete from the start of the line to the cursor. */
  killToStart(): void {
    this.text = this.text.slice(this.cursor);
    this.cursor = 0;
  }

  /** Ctrl+K: delete from the cursor to the end. */
  killToEnd(): void {
    this.text = this.text.slice(0, this.cursor);
  }

  /** Ctrl+W: delete the whitespace-delimited word before the cursor (unix-word-rubout). */
  killWordBack(): void {
    let i = this.cursor;
    while (i > 0 && /\s/.test(this.text[i - 1])) i--;
    while (i > 0 && !/\s/.test(this.text[i - 1])) i--;
    this.text = this.text.slice(0, i) + this.text.slice(this.cursor);
    this.cursor = i;
  }
}
