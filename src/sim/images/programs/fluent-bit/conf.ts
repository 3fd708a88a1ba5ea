/**
 * Fluent Bit's classic configuration format: `[SECTION]` headers, then `Key Value` lines
 * (indented by convention), `#` comments. Keys are case-insensitive, so they are kept lower-cased.
 * @INCLUDE and @SET are not followed in Pod Lab; a line before any section is an error, as in
 * the real parser.
 */
export interface Section {
  name: string;
  props: Map<string, string>;
}

export class FluentConfError extends Error {}

export function parseClassic(text: string, file: string): Section[] {
  const out: Section[] = [];
  let cur: Section | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('@')) return;
    const head = line.match(/^\[([^\]]+)\]$/);
    if (head) {
      cur = { name: head[1].trim().toUpperCase(), props: new Map() };
      out.push(cur);
      return;
    }
    const kv = line.match(/^(\S+)\s+(.*)$/);
    if (!cur || !kv) throw new FluentConfError(`[config] error in ${file}:${i + 1}: invalid ${cur ? 'property' : 'indentation level'}`);
    cur.props.set(kv[1].toLowerCase(), kv[2].trim());
  });
  return out;
}

/** Fluent Bit's time strings: plain seconds, or with an s/m/h suffix. */
export function seconds(v: string | undefined, dflt: number): number {
  if (!v) return dflt;
  const m = v.trim().match(/^(\d+(?:\.\d+)?)([smh]?)$/i);
  if (!m) return dflt;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600 } as Record<string, number>)[m[2].toLowerCase()];
}

/** Tag matching for outputs' Match: `*` is any run of characters. */
export function tagMatches(pattern: string, tag: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(tag);
}
