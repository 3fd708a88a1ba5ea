/**
 * RESP2, the Redis wire protocol: clients send arrays of bulk strings (`*2\r\n$3\r\nGET\r\n$1\r\na\r\n`)
 * or inline commands (`PING\r\n`, what `nc` users type); replies are simple strings, errors,
 * integers, bulk strings (nil as `$-1`) and arrays.
 */

export type Reply =
  | { t: 'status'; s: string }
  | { t: 'error'; s: string }
  | { t: 'int'; n: number }
  | { t: 'bulk'; s: string | null }
  | { t: 'array'; items: Reply[] };

export const ok: Reply = { t: 'status', s: 'OK' };
export const nil: Reply = { t: 'bulk', s: null };
export const int = (n: number): Reply => ({ t: 'int', n });
export const bulk = (s: string | null): Reply => ({ t: 'bulk', s });
export const err = (s: string): Reply => ({ t: 'error', s });
export const array = (items: Reply[]): Reply => ({ t: 'array', items });

export function encode(r: Reply): string {
  switch (r.t) {
    case 'status': return `+${r.s}\r\n`;
    case 'error': return `-${r.s}\r\n`;
    case 'int': return `:${r.n}\r\n`;
    case 'bulk': return r.s === null ? '$-1\r\n' : `$${r.s.length}\r\n${r.s}\r\n`;
    case 'array': return `*${r.items.length}\r\n` + r.items.map(encode).join('');
  }
}

export function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
}

/** One command off the front of `buf`: the arguments and the bytes used, or undefined if incomplete. */
export function parseCommand(buf: string): { args: string[]; used: number } | undefined {
  if (!buf.length) return undefined;
  if (buf[0] !== '*') {
    const nl = buf.indexOf('\n');
    if (nl < 0) return undefined;
    return { args: splitInline(buf.slice(0, nl).replace(/\r$/, '')), used: nl + 1 };
  }
  let i = buf.indexOf('\r\n');
  if (i < 0) return undefined;
  const n = Number(buf.slice(1, i));
  let pos = i + 2;
  const args: string[] = [];
  for (let k = 0; k < n; k++) {
    i = buf.indexOf('\r\n', pos);
    if (i < 0 || buf[pos] !== '$') return undefined;
    const len = Number(buf.slice(pos + 1, i));
    const start = i + 2;
    if (buf.length < start + len + 2) return undefined;
    args.push(buf.slice(start, start + len));
    pos = start + len + 2;
  }
  return { args, used: pos };
}

/** A reply off the front of `buf` (the client side), or undefined if incomplete. */
export function parseReply(buf: string, pos = 0): { r: Reply; end: number } | undefined {
  const i = buf.indexOf('\r\n', pos);
  if (i < 0) return undefined;
  const head = buf.slice(pos + 1, i);
  const next = i + 2;
  switch (buf[pos]) {
    case '+': return { r: { t: 'status', s: head }, end: next };
    case '-': return { r: { t: 'error', s: head }, end: next };
    case ':': return { r: int(Number(head)), end: next };
    case '$': {
      const len = Number(head);
      if (len < 0) return { r: nil, end: next };
      if (buf.length < next + len + 2) return undefined;
      return { r: bulk(buf.slice(next, next + len)), end: next + len + 2 };
    }
    case '*': {
      const items: Reply[] = [];
      let at = next;
      for (let k = 0; k < Number(head); k++) {
        const e = parseReply(buf, at);
        if (!e) return undefined;
        items.push(e.r);
        at = e.end;
      }
      return { r: array(items), end: at };
    }
    default: return undefined;
  }
}

/** Split a line as redis-cli and inline commands do: spaces separate, quotes group, \n escapes in "…". */
export function splitInline(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let cur = '';
    const q = line[i] === '"' || line[i] === "'" ? line[i++] : '';
    for (; i < line.length; i++) {
      const c = line[i];
      if (q && c === q) {
        i++;
        break;
      }
      if (!q && (c === ' ' || c === '\t')) break;
      if (q === '"' && c === '\\' && i + 1 < line.length) {
        const e = line[++i];
        cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
      } else cur += c;
    }
    out.push(cur);
  }
  return out;
}
