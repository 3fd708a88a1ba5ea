/**
 * haproxy.cfg: `global`, `defaults`, `frontend NAME`, `backend NAME`, `listen NAME` sections and
 * the keywords lessons use. Problems are collected as haproxy reports them (ALERT text without
 * the prefix; the caller adds `[ALERT]    (pid) : config : `), so one run lists every error.
 */
export interface Server {
  name: string;
  host: string;
  port: number;
  line: number;
}

export interface Proxy {
  kind: 'frontend' | 'backend' | 'listen' | 'defaults';
  name: string;
  line: number;
  mode: string;
  timeouts: Set<string>;
  binds: Array<{ port: number; line: number }>;
  defaultBackend?: string;
  servers: Server[];
}

const PROXY_KW = new Set(['mode', 'timeout', 'option', 'log', 'maxconn', 'retries', 'balance', 'bind', 'default_backend', 'use_backend', 'server', 'http-request', 'http-response', 'stats', 'errorfile', 'acl', 'default-server', 'cookie', 'http-check', 'description']);
const GLOBAL_KW = new Set(['log', 'maxconn', 'daemon', 'user', 'group', 'stats', 'nbthread', 'pidfile', 'chroot', 'master-worker', 'tune.ssl.default-dh-param', 'ssl-default-bind-options', 'ssl-default-bind-ciphers', 'ca-base', 'crt-base', 'insecure-fork-wanted']);

export interface ParsedCfg {
  proxies: Proxy[];
  errors: string[];
}

export function parseCfg(text: string, file: string): ParsedCfg {
  const proxies: Proxy[] = [];
  const errors: string[] = [];
  let defaults: Proxy | undefined;
  let section: 'global' | Proxy | undefined;
  const lines = text.split('\n');
  if (text.length && !text.endsWith('\n')) {
    errors.push(`parsing [${file}:${lines.length}]: Missing LF on last line, file might have been truncated at position ${lines[lines.length - 1].length + 1}.`);
  }
  lines.forEach((raw, i) => {
    const n = i + 1;
    const w = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
    if (!w.length) return;
    const [kw, ...a] = w;
    if (kw === 'global') {
      section = 'global';
      return;
    }
    if (kw === 'defaults' || kw === 'frontend' || kw === 'backend' || kw === 'listen') {
      const p: Proxy = { kind: kw, name: a[0] ?? '', line: n, mode: defaults?.mode ?? 'tcp', timeouts: new Set(defaults?.timeouts), binds: [], servers: [], defaultBackend: undefined };
      if (kw === 'defaults') defaults = p;
      else proxies.push(p);
      section = p;
      return;
    }
    if (section === undefined) {
      errors.push(`parsing [${file}:${n}]: unknown keyword '${kw}' out of section.`);
      return;
    }
    if (section === 'global') {
      if (!GLOBAL_KW.has(kw)) errors.push(`parsing [${file}:${n}] : unknown keyword '${kw}' in 'global' section`);
      return;
    }
    const p = section;
    if (!PROXY_KW.has(kw)) {
      errors.push(`parsing [${file}:${n}] : unknown keyword '${kw}' in '${p.kind}' section`);
      return;
    }
    if (kw === 'mode') p.mode = a[0];
    else if (kw === 'timeout') p.timeouts.add(a[0]);
    else if (kw === 'default_backend') p.defaultBackend = a[0];
    else if (kw === 'bind') {
      const m = (a[0] ?? '').match(/^(?:\*|0\.0\.0\.0|)?:(\d+)$/);
      if (!m) errors.push(`parsing [${file}:${n}] : 'bind ${a[0] ?? ''}' : missing port number: '${a[0] ?? ''}'`);
      else p.binds.push({ port: Number(m[1]), line: n });
    } else if (kw === 'server') {
      const m = (a[1] ?? '').match(/^([^:]+):(\d+)$/);
      if (!m) errors.push(`parsing [${file}:${n}] : 'server ${p.name}/${a[0] ?? ''}' : invalid address: '${a[1] ?? ''}'`);
      else p.servers.push({ name: a[0], host: m[1], port: Number(m[2]), line: n });
    }
  });
  for (const p of proxies) {
    if (p.defaultBackend && !proxies.some((b) => (b.kind === 'backend' || b.kind === 'listen') && b.name === p.defaultBackend)) {
      errors.push(`Proxy '${p.name}': unable to find required default_backend: '${p.defaultBackend}'.`);
    }
  }
  return { proxies, errors };
}

/** haproxy warns (and carries on) when a proxy lacks any of the three main timeouts. */
export function missingTimeouts(p: Proxy): boolean {
  const need = p.kind === 'frontend' ? ['client'] : p.kind === 'backend' ? ['connect', 'server'] : ['client', 'connect', 'server'];
  return p.mode === 'http' || p.mode === 'tcp' ? need.some((t) => !p.timeouts.has(t)) : false;
}
