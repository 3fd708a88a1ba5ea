/**
 * Go's text/tabwriter, as kubectl uses it, reproduced cell for cell because kubectl's output
 * alignment is exactly this algorithm's output:
 *
 * - `kubectl get` tables use the github.com/liggitt/tabwriter fork (minwidth 6, tabwidth 4,
 *   padding 3, pad ' ', flag RememberWidths): column widths survive flushes and never shrink,
 *   which is why `get -w` lines, each flushed alone, come out ragged.
 * - `kubectl describe` uses the standard library writer (minwidth 0, tabwidth 8, padding 2,
 *   pad ' ', no flags).
 *
 * Semantics kept from Go: text is split into cells at '\t' (cell terminated), '\v', '\n', '\f';
 * the text after a line's last tab is not part of any column and is never padded; a column is
 * aligned only across a contiguous block of lines that all have a cell in that column; a line
 * with no tab at all flushes the writer (ends every block); widths count code points.
 */

interface Cell {
  text: string;
  /** Width in code points (Go: utf8.RuneCount). */
  width: number;
  /** True when the cell was terminated by '\t' (not by '\v'). */
  htab: boolean;
}

export interface TabWriterConfig {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  /** liggitt/tabwriter RememberWidths: widths remembered across flushes, never shrinking. */
  rememberWidths?: boolean;
  /** Go's DiscardEmptyColumns: a column of only empty '\v'-terminated cells gets width 0. */
  discardEmptyColumns?: boolean;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cellText = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(private readonly cfg: TabWriterConfig) {}

  /** Buffers `text`; a line without any tab (or a '\f') flushes what is buffered, as in Go. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats and emits everything buffered. Remembered widths (if enabled) are kept. */
  flush(): void {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cellText = '';
    this.widths = [];
  }

  /** Returns the text emitted so far and forgets it. */
  takeOutput(): string {
    const s = this.out;
    this.out = '';
    return s;
  }

  /** Remembered per-column widths (RememberWidths only). */
  rememberedWidths(): number[] {
    return [...this.maxwidths];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab });
    this.cellText = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= this.lines[cur].length - 1) continue;
      // This line has a cell in `column`: print the lines before it, then find the block of
      // consecutive lines that also have one.
      this.writeLines(line0, cur);
      line0 = cur;
      let width = this.cfg.minwidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = this.lines[cur];
        if (column >= line.length - 1) break;
        const c = line[column];
        const w = c.width + this.cfg.padding;
        if (w > width) width = w;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.cfg.discardEmptyColumns) width = 0;
      if (this.cfg.rememberWidths) {
        if (this.maxwidths.length < this.widths.length) {
          this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
        }
        const col = this.widths.length;
        if (this.maxwidths.length === col) this.maxwidths.push(width);
        else if (this.maxwidths[col] > width) width = this.maxwidths[col];
        else if (this.maxwidths[col] < width) this.maxwidths[col] = width;
      }
      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        this.out += c.text;
        if (j < this.widths.length) this.writePadding(c.width, this.widths[j]);
      }
      // The last buffered line has no newline of its own (text after the final '\n').
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }

  private writePadding(textw: number, cellw: number): void {
    if (this.cfg.padchar === '\t') {
      if (this.cfg.tabwidth === 0) return;
      const tw = this.cfg.tabwidth;
      const rounded = Math.ceil(cellw / tw) * tw;
      this.out += '\t'.repeat(Math.ceil((rounded - textw) / tw));
      return;
    }
    this.out += this.cfg.padchar.repeat(cellw - textw);
  }
}

/** The writer behind `kubectl get` tables (cli-runtime printers.GetNewTabWriter). */
export function newTableTabWriter(): TabWriter {
  return new TabWriter({ minwidth: 6, tabwidth: 4, padding: 3, padchar: ' ', rememberWidths: true });
}

/** The writer behind `kubectl describe` (describe.tabbedString). */
export function newDescribeTabWriter(): TabWriter {
  return new TabWriter({ minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' });
}

/** Formats a whole text through a fresh describe-style writer. */
export function tabbedString(text: string): string {
  const w = newDescribeTabWriter();
  w.write(text);
  w.flush();
  return w.takeOutput();
}
