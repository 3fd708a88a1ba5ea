/**
 * Splitting a workstation script into the command lines a person would type: a here-document or
 * a trailing backslash continues a command over several lines; blank lines and comments stand alone.
 */
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
    units.push({ text: group.join('\n'), lines: group, kind: 'command' });
  }
  return units;
}
