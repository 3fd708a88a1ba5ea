/**
 * `python -m http.server` (Python 3.12's SimpleHTTPRequestHandler): serves files under the
 * directory (-d, default the working directory), index.html/index.htm for a directory, a
 * directory listing otherwise, 301 to add a directory's trailing slash, send_error pages.
 * Request lines go to stderr (unbuffered); the `Serving HTTP on ...` banner goes to stdout, which
 * Python block-buffers when it is not a terminal — see main.ts.
 */
import type { Process } from '../../../runtime/process';
import type { HttpRequest, HttpResponse } from '../../../net/netns';
import { normalize } from '../../../runtime/fs';
import { strftime } from '../../../shell/commands/time';

export const PYTHON_VERSION = '3.12.8';
const SERVER = `SimpleHTTP/0.6 Python/${PYTHON_VERSION}`;

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'text/javascript', json: 'application/json',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml', py: 'text/x-python',
  md: 'text/markdown', xml: 'text/xml', csv: 'text/csv', sh: 'application/x-sh', conf: 'application/octet-stream',
};

const EXPLAIN: Record<number, [string, string]> = {
  404: ['Not Found', 'Nothing matches the given URI'],
  501: ['Not Implemented', 'Server does not support this operation'],
};

function httpDate(ms: number): string {
  return strftime('%a, %d %b %Y %H:%M:%S GMT', ms);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** urllib.parse.quote with its default safe '/'. */
function quote(s: string): string {
  return s.replace(/[^A-Za-z0-9_.\-~/]/g, (c) => encodeURIComponent(c));
}

function unquote(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function listingPage(display: string, entries: Array<{ name: string; dir: boolean; link: boolean }>): string {
  const title = `Directory listing for ${escapeHtml(display)}`;
  const r = ['<!DOCTYPE HTML>', '<html lang="en">', '<head>', '<meta charset="utf-8">', `<title>${title}</title>\n</head>`, `<body>\n<h1>${title}</h1>`, '<hr>\n<ul>'];
  for (const e of [...entries].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0))) {
    let display = e.name;
    let link = e.name;
    if (e.dir) display = link = e.name + '/';
    // A link to a directory displays with @ and links with /.
    if (e.link) display = e.name + '@';
    r.push(`<li><a href="${quote(link)}">${escapeHtml(display)}</a></li>`);
  }
  r.push('</ul>\n<hr>\n</body>\n</html>\n');
  return r.join('\n');
}

/** The handler for one bound port; `log` writes a stderr line in BaseHTTPRequestHandler's format. */
export function fileServer(p: Process, root: string): (req: HttpRequest) => HttpResponse {
  const fs = p.host.fs;
  return (req) => {
    const stamp = strftime('%d/%b/%Y %H:%M:%S', p.host.now());
    const log = (msg: string) => p.fds.stderr.write(`${req.remoteAddr} - - [${stamp}] ${msg}\n`);
    const requestLine = `"${req.method} ${req.path} HTTP/1.1"`;
    const error = (code: number, message: string): HttpResponse => {
      log(`code ${code}, message ${message}`);
      log(`${requestLine} ${code} -`);
      const [, explain] = EXPLAIN[code] ?? ['', ''];
      const body = `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: ${code}</p>\n        <p>Message: ${escapeHtml(message)}.</p>\n        <p>Error code explanation: ${code} - ${explain}.</p>\n    </body>\n</html>\n`;
      return { status: code, headers: { Server: SERVER, Date: httpDate(p.host.now()), Connection: 'close', 'Content-Type': 'text/html;charset=utf-8' }, body: req.method === 'HEAD' ? '' : body };
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return error(501, `Unsupported method ('${req.method}')`);
    const [rawPath, query] = [req.path.replace(/[?#].*$/, ''), req.path.includes('?') ? req.path.slice(req.path.indexOf('?')) : ''];
    const urlPath = unquote(rawPath);
    const fsPath = normalize('.' + urlPath, root);
    const base = { Server: SERVER, Date: httpDate(p.host.now()) };
    let node = fs.statFollow(fsPath);
    let file = fsPath;
    if (node?.type === 'dir') {
      if (!rawPath.endsWith('/')) {
        log(`${requestLine} 301 -`);
        return { status: 301, headers: { ...base, Location: rawPath + '/' + query, 'Content-Length': '0' }, body: '' };
      }
      const index = ['index.html', 'index.htm'].map((n) => normalize(n, fsPath)).find((f) => fs.statFollow(f)?.type === 'file');
      if (!index) {
        let names: string[];
        try {
          names = fs.readdir(fsPath);
        } catch {
          return error(404, 'No permission to list directory');
        }
        const entries = names.map((name) => {
          const full = normalize(name, fsPath);
          return { name, dir: fs.statFollow(full)?.type === 'dir', link: fs.stat(full)?.type === 'symlink' };
        });
        const body = listingPage(urlPath, entries);
        log(`${requestLine} 200 -`);
        return { status: 200, headers: { ...base, 'Content-type': 'text/html; charset=utf-8', 'Content-Length': String(body.length) }, body: req.method === 'HEAD' ? '' : body };
      }
      file = index;
      node = fs.statFollow(index);
    }
    // A trailing slash on a file is a 404 (the handler refuses to treat it as a directory).
    if (!node || node.type !== 'file' || rawPath.endsWith('/') && file === fsPath) return error(404, 'File not found');
    let data: string;
    try {
      data = fs.readFile(file);
    } catch {
      return error(404, 'File not found');
    }
    const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
    log(`${requestLine} 200 -`);
    return {
      status: 200,
      headers: { ...base, 'Content-type': TYPES[ext] ?? 'application/octet-stream', 'Content-Length': String(data.length), 'Last-Modified': httpDate(node.mtime) },
      body: req.method === 'HEAD' ? '' : data,
    };
  };
}
