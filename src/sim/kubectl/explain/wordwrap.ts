/**
 * Word wrapping exactly as kubectl does it (github.com/mitchellh/go-wordwrap's WrapString, behind
 * kubectl's term.WordWrapWriter): break before the word that would pass the limit, keep existing
 * newlines, drop the spaces at a break, never split a word (a word longer than the limit gets a
 * line of its own and runs past it). Lengths count Unicode code points, as Go's rune loop does.
 */
const NBSP = '\u00a0';

/** Go's unicode.IsSpace. */
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r' || c === '\u0085' || c === NBSP || /\p{Zs}|\u2028|\u2029/u.test(c);
}

export function wrapString(s: string, limit: number): string {
  let buf = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const c of s) {
    if (c === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > limit) current = 0;
        else {
          current += spaceLen;
          buf += space;
        }
        space = '';
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      buf += c;
      current = 0;
    } else if (isSpace(c) && c !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        buf += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += c;
      spaceLen++;
    } else {
      word += c;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        buf += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) buf += space;
  } else {
    buf += space + word;
  }
  return buf;
}
