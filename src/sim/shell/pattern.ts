/** Shell glob patterns (`*`, `?`, `[...]`, backslash escapes) as regular expressions. */
export function globToRegExpSource(pat: string, quotedMask?: boolean[]): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    const quoted = quotedMask?.[i] ?? false;
    if (quoted) {
      re += escapeRe(c);
      continue;
    }
    if (c === '*') re += '[\\s\\S]*';
    else if (c === '?') re += '[\\s\\S]';
    else if (c === '[') {
      const end = pat.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      let cls = pat.slice(i + 1, end);
      if (cls.startsWith('!')) cls = '^' + cls.slice(1);
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '\\' && i + 1 < pat.length) {
      re += escapeRe(pat[++i]);
    } else re += escapeRe(c);
  }
  return re;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function globMatch(pat: string, s: string, quotedMask?: boolean[]): boolean {
  return new RegExp(`^${globToRegExpSource(pat, quotedMask)}$`).test(s);
}

export function hasGlobChars(s: string): boolean {
  return /[*?[]/.test(s);
}
