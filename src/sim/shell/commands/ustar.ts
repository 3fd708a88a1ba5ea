/**
 * POSIX ustar archives, the format `tar cf -` writes and `kubectl cp` streams: 512-byte headers
 * (name, octal mode/size/mtime, checksum, type), data padded to 512 bytes, two zero blocks at
 * the end. Streams in the simulator are strings, so an archive is a "byte string": one char per
 * byte, file contents UTF-8 encoded.
 */

export interface TarEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  /** ms since the epoch. */
  mtime: number;
  /** Text content (files). */
  data: string;
  linkname?: string;
}

const BLOCK = 512;

/** UTF-8 bytes of text as a byte string. */
export function toBytes(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function fromBytes(bytes: string): string {
  let s = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes.charCodeAt(i);
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let j = 1; j < n; j++) c = (c << 6) | (bytes.charCodeAt(i + j) & 63);
    s += String.fromCodePoint(c);
    i += n;
  }
  return s;
}

const field = (s: string, len: number) => s.slice(0, len).padEnd(len, '\0');
const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0') + '\0';

function header(e: TarEntry, size: number): string {
  let name = e.name;
  let prefix = '';
  if (name.length > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  const typeflag = e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0';
  const parts = [
    field(name, 100),
    octal(e.mode & 0o7777, 8),
    octal(0, 8),
    octal(0, 8),
    octal(size, 12),
    octal(Math.floor(e.mtime / 1000), 12),
    '        ',
    typeflag,
    field(e.linkname ?? '', 100),
    'ustar\0',
    '00',
    field('root', 32),
    field('root', 32),
    octal(0, 8),
    octal(0, 8),
    field(prefix, 155),
  ];
  let h = parts.join('').padEnd(BLOCK, '\0');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += h.charCodeAt(i);
  h = h.slice(0, 148) + sum.toString(8).padStart(6, '0') + '\0 ' + h.slice(156);
  return h;
}

export function writeTar(entries: TarEntry[]): string {
  let out = '';
  for (const e of entries) {
    const data = e.type === 'file' ? toBytes(e.data) : '';
    out += header(e, data.length) + data + '\0'.repeat((BLOCK - (data.length % BLOCK)) % BLOCK);
  }
  return out + '\0'.repeat(BLOCK * 2);
}

const str = (h: string, at: number, len: number) => h.slice(at, at + len).replace(/\0.*$/s, '');

/** Entries of an archive; undefined when it is not one (tar's "invalid tar magic"). */
export function readTar(archive: string): TarEntry[] | undefined {
  const entries: TarEntry[] = [];
  for (let at = 0; at + BLOCK <= archive.length; ) {
    const h = archive.slice(at, at + BLOCK);
    if (/^\0*$/.test(h)) break;
    if (!h.slice(257, 262).startsWith('ustar')) return undefined;
    const size = parseInt(str(h, 124, 12) || '0', 8);
    const prefix = str(h, 345, 155);
    const name = (prefix ? prefix + '/' : '') + str(h, 0, 100);
    const t = h[156];
    const data = archive.slice(at + BLOCK, at + BLOCK + size);
    entries.push({
      name,
      type: t === '5' ? 'dir' : t === '2' ? 'symlink' : 'file',
      mode: parseInt(str(h, 100, 8) || '644', 8),
      mtime: parseInt(str(h, 136, 12) || '0', 8) * 1000,
      data: t === '0' || t === '\0' ? fromBytes(data) : '',
      linkname: str(h, 157, 100) || undefined,
    });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}
