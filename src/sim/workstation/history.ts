/**
 * The workstation shell's command history, as bash keeps it: numbered entries for `history`,
 * and history expansion before a line is parsed (`!!`, `!N`, `!-N`, `!prefix`), which bash echoes.
 */
import type { TerminalIO } from '../kubectl/context';

export class CommandHistory {
  private entries: string[] = [];
  /** Number of the first entry kept (after `history -c` numbering continues, as in bash). */
  private base = 1;

  add(line: string): void {
    if (line.trim()) this.entries.push(oneLine(line));
  }

  /** Expand `!` references; undefined (and bash's error) when an event is not found. */
  expand(line: string, io: TerminalIO): { line: string; expanded: boolean } | undefined {
    if (!line.includes('!')) return { line, expanded: false };
    let expanded = false;
    let failed: string | undefined;
    let quote = '';
    let out = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === "'" && quote !== '"') quote = quote ? '' : "'";
      else if (c === '"' && quote !== "'") quote = quote ? '' : '"';
      if (c !== '!' || quote === "'" || line[i - 1] === '\\') {
        out += c;
        continue;
      }
      const m = line.slice(i).match(/^!(!|-?\d+|[^\s=()!;&|<>"'-][^\s;&|<>()"']*)/);
      if (!m) {
        out += c;
        continue;
      }
      const ref = m[1];
      let found: string | undefined;
      if (ref === '!') found = this.entries[this.entries.length - 1];
      else if (/^\d+$/.test(ref)) found = this.entries[Number(ref) - this.base];
      else if (/^-\d+$/.test(ref)) found = this.entries[this.entries.length + Number(ref)];
      else found = [...this.entries].reverse().find((e) => e.startsWith(ref));
      if (found === undefined) {
        failed = m[0];
        break;
      }
      out += found;
      expanded = true;
      i += m[0].length - 1;
    }
    if (failed) {
      io.err(`bash: ${failed}: event not found\n`);
      return undefined;
    }
    return { line: out, expanded };
  }

  /** The `history` builtin: `history`, `history N`, `history -c`, `history -d N`. */
  builtin(args: string[], io: TerminalIO): number {
    if (args[0] === '-c') {
      this.base += this.entries.length;
      this.entries = [];
      return 0;
    }
    if (args[0] === '-d') {
      const n = Number(args[1]);
      if (!Number.isInteger(n) || n < this.base || n >= this.base + this.entries.length) {
        io.err(`bash: history: ${args[1] ?? ''}: history position out of range\n`);
        return 1;
      }
      this.entries.splice(n - this.base, 1);
      return 0;
    }
    if (args[0] !== undefined && !/^\d+$/.test(args[0])) {
      io.err(args[0].startsWith('-') ? `bash: history: ${args[0]}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n` : `bash: history: ${args[0]}: numeric argument required\n`);
      return args[0].startsWith('-') ? 2 : 1;
    }
    const last = args[0] === undefined ? this.entries.length : Number(args[0]);
    const start = Math.max(0, this.entries.length - last);
    for (let i = start; i < this.entries.length; i++) io.out(`${String(this.base + i).padStart(5)}  ${this.entries[i]}\n`);
    return 0;
  }
}

/**
 * bash's cmdhist: a command typed over several lines is remembered as one, the lines joined by
 * `; ` — or by a space after a word that cannot take a `;` (`do`, `then`, `&&` …). Here-documents
 * keep their lines.
 */
function oneLine(text: string): string {
  if (!text.includes('\n') || /<<-?\s*['"]?\w/.test(text)) return text;
  const lines = text.split('\n');
  let out = lines[0];
  for (const l of lines.slice(1)) {
    if (!l.trim()) continue;
    out += (/(^|\s)(do|then|else|in|\{|\(|&&|\|\||\|)\s*$|;\s*$/.test(out) || /^\s*;/.test(l) ? ' ' : '; ') + l;
  }
  return out;
}
