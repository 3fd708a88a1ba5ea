/**
 * The keyspace and the commands a course uses, with Redis 7.4's reply and error wording. Expiry is
 * in virtual time and lazy (a key past its deadline is gone when next touched), which is what a
 * client can observe of Redis's own lazy-plus-sampling expiry.
 */
import { array, bulk, err, int, nil, ok, type Reply } from './resp';

type Value = { type: 'string'; s: string } | { type: 'list'; items: string[] };

const WRONGTYPE = 'WRONGTYPE Operation against a key holding the wrong kind of value';
const NOT_INT = 'ERR value is not an integer or out of range';

/** Arity as Redis declares it: n exact, -n at least n (counting the command name). */
const ARITY: Record<string, number> = {
  ping: -1, echo: 2, set: -3, get: 2, del: -2, exists: -2, incr: 2, decr: 2, incrby: 3, decrby: 3, keys: 2, expire: -3,
  ttl: 2, pttl: 2, persist: 2, lpush: -3, rpush: -3, lrange: 4, llen: 2, lpop: -2, rpop: -2, info: -1, quit: -1,
  dbsize: 1, flushall: -1, flushdb: -1, type: 2, select: 2, command: -1, hello: -1, client: -2,
};

export interface ServerInfo {
  port: number;
  startedAt: number;
  connectedClients(): number;
}

export class RedisDb {
  private readonly data = new Map<string, Value>();
  private readonly expires = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    private readonly info: ServerInfo,
  ) {}

  private live(key: string): Value | undefined {
    const at = this.expires.get(key);
    if (at !== undefined && at <= this.now()) {
      this.data.delete(key);
      this.expires.delete(key);
    }
    return this.data.get(key);
  }

  private keys(): string[] {
    return [...this.data.keys()].filter((k) => this.live(k));
  }

  run(args: string[]): Reply {
    const [name = '', ...rest] = args;
    const cmd = name.toLowerCase();
    const arity = ARITY[cmd];
    if (arity === undefined) {
      const shown = rest.slice(0, 20).map((a) => `'${a.slice(0, 128)}' `).join('');
      return err(`ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${shown}`);
    }
    if (arity > 0 ? args.length !== arity : args.length < -arity) return err(`ERR wrong number of arguments for '${cmd}' command`);
    const str = (k: string): string | null | Reply => {
      const v = this.live(k);
      if (!v) return null;
      return v.type === 'string' ? v.s : err(WRONGTYPE);
    };
    const list = (k: string, create: boolean): string[] | undefined | Reply => {
      const v = this.live(k);
      if (!v) {
        if (!create) return undefined;
        const items: string[] = [];
        this.data.set(k, { type: 'list', items });
        return items;
      }
      return v.type === 'list' ? v.items : err(WRONGTYPE);
    };
    switch (cmd) {
      case 'ping': return rest.length > 1 ? err(`ERR wrong number of arguments for 'ping' command`) : rest.length ? bulk(rest[0]) : { t: 'status', s: 'PONG' };
      case 'echo': return bulk(rest[0]);
      case 'quit': return ok;
      case 'select': return rest[0] === '0' ? ok : /^\d+$/.test(rest[0]) && Number(rest[0]) < 16 ? ok : err('ERR DB index is out of range');
      case 'command': case 'hello': case 'client': return cmd === 'hello' ? err('NOPROTO unsupported protocol version') : cmd === 'client' ? ok : array([]);
      case 'get': {
        const v = str(rest[0]);
        return typeof v === 'string' || v === null ? bulk(v) : v;
      }
      case 'set': return this.set(rest);
      case 'del': case 'exists': {
        let n = 0;
        for (const k of rest) if (this.live(k)) {
          n++;
          if (cmd === 'del') {
            this.data.delete(k);
            this.expires.delete(k);
          }
        }
        return int(n);
      }
      case 'incr': case 'decr': case 'incrby': case 'decrby': {
        const by = cmd === 'incr' ? 1 : cmd === 'decr' ? -1 : Number(rest[1]) * (cmd === 'decrby' ? -1 : 1);
        if (!Number.isSafeInteger(by) || (cmd.endsWith('by') && !/^-?\d+$/.test(rest[1]))) return err(NOT_INT);
        const v = str(rest[0]);
        if (v !== null && typeof v !== 'string') return v;
        if (v !== null && !/^-?\d+$/.test(v)) return err(NOT_INT);
        const n = Number(v ?? '0') + by;
        const ttl = this.expires.get(rest[0]);
        this.data.set(rest[0], { type: 'string', s: String(n) });
        if (ttl !== undefined) this.expires.set(rest[0], ttl);
        return int(n);
      }
      case 'keys': {
        const re = globToRegExp(rest[0]);
        return array(this.keys().filter((k) => re.test(k)).map(bulk));
      }
      case 'dbsize': return int(this.keys().length);
      case 'flushall': case 'flushdb':
        this.data.clear();
        this.expires.clear();
        return ok;
      case 'type': {
        const v = this.live(rest[0]);
        return { t: 'status', s: v ? v.type : 'none' };
      }
      case 'expire': {
        if (!/^-?\d+$/.test(rest[1])) return err(NOT_INT);
        if (!this.live(rest[0])) return int(0);
        const secs = Number(rest[1]);
        if (secs <= 0) {
          this.data.delete(rest[0]);
          this.expires.delete(rest[0]);
        } else this.expires.set(rest[0], this.now() + secs * 1000);
        return int(1);
      }
      case 'ttl': case 'pttl': {
        if (!this.live(rest[0])) return int(-2);
        const at = this.expires.get(rest[0]);
        if (at === undefined) return int(-1);
        const ms = at - this.now();
        return int(cmd === 'pttl' ? ms : Math.floor((ms + 500) / 1000));
      }
      case 'persist': return int(this.live(rest[0]) && this.expires.delete(rest[0]) ? 1 : 0);
      case 'lpush': case 'rpush': {
        const l = list(rest[0], true) as string[] | Reply;
        if (!Array.isArray(l)) return l;
        for (const v of rest.slice(1)) if (cmd === 'lpush') l.unshift(v);
        else l.push(v);
        return int(l.length);
      }
      case 'llen': {
        const l = list(rest[0], false);
        return l === undefined ? int(0) : Array.isArray(l) ? int(l.length) : l;
      }
      case 'lpop': case 'rpop': {
        const l = list(rest[0], false);
        if (l === undefined) return nil;
        if (!Array.isArray(l)) return l;
        const v = cmd === 'lpop' ? l.shift()! : l.pop()!;
        if (!l.length) this.data.delete(rest[0]);
        return bulk(v);
      }
      case 'lrange': {
        if (!/^-?\d+$/.test(rest[1]) || !/^-?\d+$/.test(rest[2])) return err(NOT_INT);
        const l = list(rest[0], false);
        if (l === undefined) return array([]);
        if (!Array.isArray(l)) return l;
        let start = Number(rest[1]);
        let stop = Number(rest[2]);
        if (start < 0) start = Math.max(0, l.length + start);
        if (stop < 0) stop = l.length + stop;
        return array(l.slice(start, stop + 1).map(bulk));
      }
      case 'info': return bulk(this.infoText());
    }
    return err('ERR syntax error');
  }

  private set(rest: string[]): Reply {
    const [key, value, ...opts] = rest;
    let ttl: number | undefined;
    let nx = false;
    let xx = false;
    for (let i = 0; i < opts.length; i++) {
      const o = opts[i].toUpperCase();
      if (o === 'EX' || o === 'PX') {
        const n = opts[++i];
        if (n === undefined) return err('ERR syntax error');
        if (!/^-?\d+$/.test(n)) return err(NOT_INT);
        if (Number(n) <= 0) return err("ERR invalid expire time in 'set' command");
        ttl = Number(n) * (o === 'EX' ? 1000 : 1);
      } else if (o === 'NX') nx = true;
      else if (o === 'XX') xx = true;
      else return err('ERR syntax error');
    }
    const exists = !!this.live(key);
    if ((nx && exists) || (xx && !exists)) return nil;
    this.data.set(key, { type: 'string', s: value });
    if (ttl !== undefined) this.expires.set(key, this.now() + ttl);
    else this.expires.delete(key);
    return ok;
  }

  private infoText(): string {
    const keys = this.keys();
    const withTtl = keys.filter((k) => this.expires.has(k)).length;
    const up = Math.floor((this.now() - this.info.startedAt) / 1000);
    const lines = [
      '# Server', 'redis_version:7.4.2', 'redis_mode:standalone', 'os:Linux 6.8.0-1015-gcp x86_64', 'arch_bits:64', 'process_id:1',
      `tcp_port:${this.info.port}`, `uptime_in_seconds:${up}`, `uptime_in_days:${Math.floor(up / 86400)}`, '',
      '# Clients', `connected_clients:${this.info.connectedClients()}`, '',
      '# Keyspace', ...(keys.length ? [`db0:keys=${keys.length},expires=${withTtl},avg_ttl=0,subexpiry=0`] : []), '',
    ];
    return lines.join('\r\n');
  }
}

/** Redis's stringmatch: * ? [set] [^set] [a-z] and \ escapes. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('^')) body = '^' + body.slice(1).replace(/[\\\]]/g, '\\$&');
        else body = body.replace(/[\\\]^]/g, '\\$&');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) re += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}
