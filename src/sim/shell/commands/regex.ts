/**
 * POSIX regular expressions (basic and extended, as grep/sed/awk/expr take them) translated to
 * JavaScript RegExp source. Differences handled: BRE's \( \) \{ \} \| \+ \? are the operators and
 * the bare characters are literal; bracket expressions with [:class:]; a leading '*' is literal.
 */
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
};

export class RegexError extends Error {}

/** Translate a bracket expression starting at re[i] === '['; returns [source, next index]. */
function bracket(re: string, i: number): [string, number] {
  let j = i + 1;
  let out = '[';
  if (re[j] === '^') {
    out += '^';
    j++;
  }
  let first = true;
  for (; j < re.length; j++) {
    const c = re[j];
    if (c === ']' && !first) return [out + ']', j + 1];
    first = false;
    if (c === '[' && re[j + 1] === ':') {
      const end = re.indexOf(':]', j + 2);
      if (end < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const cls = CLASSES[re.slice(j + 2, end)];
      if (cls === undefined) throw new RegexError('Invalid character class name');
      out += cls;
      j = end + 1;
      continue;
    }
    // Inside brackets a backslash is literal in POSIX.
    out += c === '\\' || c === ']' || c === '[' ? '\\' + c : c;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let groups = 0;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    const atStart = out === '' || out.endsWith('(') || out.endsWith('|') || out === '^';
    if (c === '[') {
      const [src, next] = bracket(re, i);
      out += src;
      i = next - 1;
      continue;
    }
    if (c === '\\') {
      const d = re[++i];
      if (d === undefined) throw new RegexError('Trailing backslash');
      if (!extended && '(){}|+?'.includes(d)) {
        if (d === '(') groups++;
        out += d;
      } else if (/[1-9]/.test(d)) out += '\\' + d;
      else if (d === '<' || d === '>') out += '\\b';
      else if ('wWsSbB'.includes(d)) out += '\\' + d;
      else if (d === 'n') out += '\\n';
      else if (d === 't') out += '\\t';
      else out += /[a-zA-Z0-9]/.test(d) ? d : '\\' + d;
      continue;
    }
    if (extended) {
      if (c === '(') groups++;
      if ((c === '*' || c === '+' || c === '?') && atStart) out += '\\' + c;
      else if (c === '{' && !/^\{\d*(,\d*)?\}/.test(re.slice(i))) out += '\\{';
      else out += c === '}' && !/\{\d*(,\d*)?$/.test(re.slice(0, i)) ? '\\}' : c;
      continue;
    }
    if (c === '*' && atStart) out += '\\*';
    else if ('(){}|+?'.includes(c)) out += '\\' + c;
    else if (c === '^' && out !== '' && !atStart) out += '\\^';
    else if (c === '$' && i !== re.length - 1 && !re.startsWith('\\)', i + 1) && !re.startsWith('\\|', i + 1)) out += '\\$';
    else out += c;
  }
  void groups;
  return out;
}

export function compile(re: string, o: { extended?: boolean; icase?: boolean; global?: boolean } = {}): RegExp {
  try {
    return new RegExp(posixToJs(re, !!o.extended), (o.global ? 'g' : '') + (o.icase ? 'i' : ''));
  } catch (e) {
    if (e instanceof RegexError) throw e;
    throw new RegexError('Invalid regular expression');
  }
}

/** A literal string as a RegExp source. */
export function escapeLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
