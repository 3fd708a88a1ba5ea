/**
 * UTF-8 byte counts of JavaScript strings: Go (kubectl, the API server) measures and reports
 * in bytes — manifest size limits, JSON error offsets, describe's annotation widths.
 */

/** Bytes of text[0..end), stopping early once `limit` is reached (a huge text need not be walked). */
export function utf8Length(text: string, limit = Infinity, end = text.length): number {
  if (limit !== Infinity && text.length >= limit) return text.length;
  let n = 0;
  for (let i = 0; i < end && n < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
