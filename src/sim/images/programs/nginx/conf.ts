/**
 * nginx's configuration language as ngx_conf_file.c reads it: words, quoted strings, `#`
 * comments, directives ended by `;` or opening a `{` block, `include` with glob patterns. Errors
 * are worded exactly as nginx words them ("unknown directive "foo" in /etc/nginx/nginx.conf:3");
 * the caller prefixes them (`nginx: [emerg] `, or the error-log form).
 */
import type { ContainerFs } from '../../../runtime/containerfs';

export interface Directive {
  name: string;
  args: string[];
  file: string;
  line: number;
  block?: Directive[];
}

export class NginxConfError extends Error {}

type Ctx = 'main' | 'events' | 'http' | 'server' | 'location' | 'upstream' | 'types' | 'map' | 'if';

interface Spec {
  ctx: Ctx[];
  /** Allowed argument counts [min, max]. */
  args: [number, number];
  block?: Ctx;
}

const ANY = 99;
const H: Ctx[] = ['http', 'server', 'location'];
const D = (ctx: Ctx[], min: number, max = min, block?: Ctx): Spec => ({ ctx, args: [min, max], block });

/** The directives of the modules the official image is built with that lessons meet. */
const SPECS: Record<string, Spec> = {
  user: D(['main'], 1, 2),
  worker_processes: D(['main'], 1),
  error_log: D(['main', ...H], 1, 2),
  pid: D(['main'], 1),
  daemon: D(['main'], 1),
  master_process: D(['main'], 1),
  worker_rlimit_nofile: D(['main'], 1),
  load_module: D(['main'], 1),
  env: D(['main'], 1),
  pcre_jit: D(['main'], 1),
  include: D(['main', 'events', 'http', 'server', 'location', 'upstream', 'types'], 1),
  events: D(['main'], 0, 0, 'events'),
  worker_connections: D(['events'], 1),
  use: D(['events'], 1),
  multi_accept: D(['events'], 1),
  http: D(['main'], 0, 0, 'http'),
  server: { ctx: ['http', 'upstream'], args: [0, ANY], block: 'server' },
  upstream: D(['http'], 1, 1, 'upstream'),
  location: D(['server', 'location'], 1, 2, 'location'),
  types: D(['http', 'server', 'location'], 0, 0, 'types'),
  map: D(['http'], 2, 2, 'map'),
  if: D(['server', 'location'], 1, ANY, 'if'),
  default_type: D(H, 1),
  log_format: D(['http'], 2, ANY),
  access_log: D([...H, 'if'], 1, ANY),
  sendfile: D(H, 1),
  tcp_nopush: D(H, 1),
  tcp_nodelay: D(H, 1),
  keepalive_timeout: D(H, 1, 2),
  keepalive_requests: D(H, 1),
  gzip: D([...H, 'if'], 1),
  gzip_types: D(H, 1, ANY),
  gzip_vary: D(H, 1),
  gzip_min_length: D(H, 1),
  gzip_comp_level: D(H, 1),
  server_tokens: D(H, 1),
  server_names_hash_bucket_size: D(['http'], 1),
  client_max_body_size: D(H, 1),
  charset: D([...H, 'if'], 1),
  listen: D(['server'], 1, ANY),
  server_name: D(['server'], 1, ANY),
  root: D([...H, 'if'], 1),
  alias: D(['location'], 1),
  index: D(H, 1, ANY),
  autoindex: D(H, 1),
  try_files: D(['server', 'location'], 2, ANY),
  return: D(['server', 'location', 'if'], 1, 2),
  rewrite: D(['server', 'location', 'if'], 2, 3),
  set: D(['server', 'location', 'if'], 2),
  error_page: D([...H, 'if'], 2, ANY),
  add_header: D([...H, 'if'], 2, 3),
  expires: D([...H, 'if'], 1, 2),
  allow: D(H, 1),
  deny: D(H, 1),
  internal: D(['location'], 0),
  stub_status: D(['server', 'location'], 0, 1),
  proxy_pass: D(['location', 'if'], 1),
  proxy_set_header: D(H, 2),
  proxy_http_version: D(H, 1),
  proxy_connect_timeout: D(H, 1),
  proxy_read_timeout: D(H, 1),
  proxy_send_timeout: D(H, 1),
  proxy_redirect: D(H, 1, 2),
  proxy_buffering: D(H, 1),
  proxy_next_upstream: D(H, 1, ANY),
  proxy_hide_header: D(H, 1),
  resolver: D(H, 1, ANY),
  keepalive: D(['upstream'], 1),
  least_conn: D(['upstream'], 0),
  ip_hash: D(['upstream'], 0),
  zone: D(['upstream'], 1, 2),
};

const ESCAPES: Record<string, string> = { t: '\t', r: '\r', n: '\n', '"': '"', "'": "'", '\\': '\\' };

function tokenize(text: string, file: string): Array<{ t: string; line: number; quoted: boolean }> {
  const out: Array<{ t: string; line: number; quoted: boolean }> = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{' || c === '}') {
      out.push({ t: c, line, quoted: false });
      i++;
    } else if (c === '"' || c === "'") {
      let s = '';
      const start = line;
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          // ngx_conf_read_token unescapes \" \' \\ \t \r \n inside quotes.
          const e = ESCAPES[text[i + 1]];
          if (e !== undefined) {
            s += e;
            i += 2;
            continue;
          }
        }
        if (text[i] === '\n') line++;
        s += text[i++];
      }
      if (i >= text.length) throw new NginxConfError(`unexpected end of file, expecting ";" or "}" in ${file}:${start}`);
      i++;
      out.push({ t: s, line, quoted: true });
    } else {
      let s = '';
      while (i < text.length && !/[\s;{}]/.test(text[i])) s += text[i++];
      out.push({ t: s, line, quoted: false });
    }
  }
  return out;
}

/** Shell-style glob (`*`, `?`) on one path component, as nginx's ngx_open_glob (glob(3)) expands it. */
function expandInclude(fs: ContainerFs, pattern: string): string[] {
  if (!/[*?[]/.test(pattern)) return [pattern];
  const dir = pattern.slice(0, pattern.lastIndexOf('/')) || '/';
  const base = pattern.slice(pattern.lastIndexOf('/') + 1);
  const re = new RegExp('^' + base.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return [];
  }
  return names.filter((n) => re.test(n) && !n.startsWith('.')).sort().map((n) => `${dir}/${n}`);
}

export function parseNginxConf(fs: ContainerFs, path: string): Directive[] {
  const top = parseFile(fs, path, 'main', path, 0);
  if (!top.some((d) => d.name === 'events')) throw new NginxConfError('no "events" section in configuration');
  return top;
}

function readConf(fs: ContainerFs, path: string, from?: { file: string; line: number }): string {
  try {
    return fs.readFile(path);
  } catch {
    const where = from ? ` in ${from.file}:${from.line}` : '';
    throw new NginxConfError(`open() "${path}" failed (2: No such file or directory)${where}`);
  }
}

function parseFile(fs: ContainerFs, path: string, ctx: Ctx, _root: string, depth: number, from?: { file: string; line: number }): Directive[] {
  const text = readConf(fs, path, from);
  const toks = tokenize(text, path);
  let i = 0;
  // At end of file nginx's line counter has passed every newline.
  const lastLine = text.split('\n').length;
  const block = (cx: Ctx, inBlock: boolean): Directive[] => {
    const out: Directive[] = [];
    for (;;) {
      if (i >= toks.length) {
        if (inBlock) throw new NginxConfError(`unexpected end of file, expecting "}" in ${path}:${lastLine}`);
        return out;
      }
      const first = toks[i];
      if (!first.quoted && first.t === '}') {
        if (!inBlock) throw new NginxConfError(`unexpected "}" in ${path}:${first.line}`);
        i++;
        return out;
      }
      if (!first.quoted && (first.t === ';' || first.t === '{')) throw new NginxConfError(`unexpected "${first.t}" in ${path}:${first.line}`);
      const words: string[] = [];
      let end: { t: string; line: number } | undefined;
      while (i < toks.length) {
        const tk = toks[i++];
        if (!tk.quoted && (tk.t === ';' || tk.t === '{')) {
          end = tk;
          break;
        }
        if (!tk.quoted && tk.t === '}') throw new NginxConfError(`unexpected "}" in ${path}:${tk.line}`);
        words.push(tk.t);
      }
      if (!end) throw new NginxConfError(`unexpected end of file, expecting ";" or "}" in ${path}:${lastLine}`);
      const [name, ...args] = words;
      const d: Directive = { name, args, file: path, line: end.line };
      // Inside types{} and map{} every line is data, not a directive.
      if (cx === 'types' || cx === 'map') {
        if (end.t === '{') throw new NginxConfError(`unexpected "{" in ${path}:${end.line}`);
        out.push(d);
        continue;
      }
      const spec = SPECS[name];
      if (!spec) throw new NginxConfError(`unknown directive "${name}" in ${path}:${end.line}`);
      if (!spec.ctx.includes(cx)) throw new NginxConfError(`"${name}" directive is not allowed here in ${path}:${end.line}`);
      const isBlock = !!spec.block && !(cx === 'upstream' && name === 'server');
      if (isBlock && end.t === ';') throw new NginxConfError(`directive "${name}" has no opening "{" in ${path}:${end.line}`);
      if (!isBlock && end.t === '{') throw new NginxConfError(`directive "${name}" is not terminated by ";" in ${path}:${end.line}`);
      const max = cx === 'upstream' && name === 'server' ? ANY : spec.args[1];
      const min = cx === 'upstream' && name === 'server' ? 1 : spec.args[0];
      if (args.length < min || args.length > max) throw new NginxConfError(`invalid number of arguments in "${name}" directive in ${path}:${end.line}`);
      if (name === 'include') {
        if (depth > 16) throw new NginxConfError(`include nesting too deep in ${path}:${end.line}`);
        for (const f of expandInclude(fs, args[0])) out.push(...parseFile(fs, f, cx, _root, depth + 1, { file: path, line: end.line }));
        continue;
      }
      if (isBlock) d.block = block(spec.block!, true);
      out.push(d);
    }
  };
  return block(ctx, false);
}

export function find(ds: Directive[] | undefined, name: string): Directive | undefined {
  return ds?.find((d) => d.name === name);
}

export function findAll(ds: Directive[] | undefined, name: string): Directive[] {
  return (ds ?? []).filter((d) => d.name === name);
}
