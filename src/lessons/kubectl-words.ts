/**
 * The command line of a `kubectl` check: split into words as a shell would, and allowed only if it
 * reads. Pure (no engine imports) so the loader can validate lessons in the browser cheaply.
 */

export const READ_ONLY_VERBS = new Set(['get', 'describe', 'logs', 'explain', 'api-resources', 'api-versions', 'version', 'cluster-info', 'top', 'events']);

/** Shell-like words: spaces split, '…' and "…" quote, backslash escapes. */
export function splitWords(line: string): string[] | { error: string } {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'" || ch === '"') {
      const end = line.indexOf(ch, i + 1);
      if (end < 0) return { error: `unterminated ${ch === "'" ? 'single' : 'double'} quote` };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

/** Why a kubectl check's command is not allowed, or undefined when it is fine. */
export function kubectlCommandProblem(command: string): string | undefined {
  const words = splitWords(command);
  if (!Array.isArray(words)) return words.error;
  if (!words.length) return 'empty command';
  if (!READ_ONLY_VERBS.has(words[0])) return `"${words[0]}" is not a read-only kubectl verb (allowed: ${[...READ_ONLY_VERBS].join(', ')})`;
  if (words.some((w) => /^(-w|--watch|--watch-only|-f|--follow)(=|$)/.test(w) && !(words[0] !== 'logs' && /^-f$/.test(w)))) return 'a check cannot wait or follow (-w, -f)';
  return undefined;
}
