/**
 * Splitting a workstation script into the command lines a person would type: a here-document, a
 * trailing backslash, an open quote or an unfinished compound command (bash's `> ` prompt)
 * continues a command over several lines; blank lines and comments stand alone.
 */
import { Parser, ShellSyntaxError } from '../shell/parser';

/** bash would read another line: the text parses only as far as an unexpected end. */
export function awaitsMore(text: string): boolean {
  try {
    Parser.parse(text, { bash: true });
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && /unexpected end of file|unterminated quoted string/.test(e.message);
  }
}
export interface ScriptUnit {
  /** The full text run as one command line. */
  text: string;
  /** The lines as shown in a transcript (first after `$ `, the rest after `> `). */
  lines: string[];
  kind: 'command' | 'comment' | 'blank';
}

export function splitScript(src: string): ScriptUnit[] {
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const units: ScriptUnit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim()) {
      units.push({ text: '', lines: [line], kind: 'blank' });
      continue;
    }
    if (line.trim().startsWith('#')) {
      units.push({ text: '', lines: [line], kind: 'comment' });
      continue;
    }
    const group = [line];
    // backslash continuations
    while (/\\$/.test(group[group.length - 1]) && i + 1 < lines.length) group.push(lines[++i]);
    // here-documents: read until each delimiter line
    const delims = [...group.join('\n').matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g)].map((m) => ({ strip: m[1] === '-', word: m[3] }));
    for (const d of delims) {
      while (i + 1 < lines.length) {
        const l = lines[++i];
        group.push(l);
        if ((d.strip ? l.replace(/^\t+/, '') : l) === d.word) break;
      }
    }
    // a compound command typed over several lines (`for …; do` ⏎ … ⏎ `done`), an open quote
    while (awaitsMore(group.join('\n')) && i + 1 < lines.length) group.push(lines[++i]);
    units.push({ text: group.join('\n'), lines: group, kind: 'command' });
  }
  return units;
}
