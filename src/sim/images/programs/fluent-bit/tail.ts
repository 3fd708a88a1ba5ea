/**
 * in_tail's view of the filesystem: the Path glob expanded one component at a time, and each
 * followed file's read offset. A file found at startup is followed from its end (Read_from_Head
 * defaults to false); one that appears later, at a Refresh_Interval scan, is read from its start
 * — it was created after the tail began, so all of it is new. A file that shrinks was truncated
 * (logrotate copytruncate, `> file`): reading restarts at 0.
 */
import type { ContainerFs } from '../../../runtime/containerfs';
import { globMatch } from '../../../shell/pattern';

export function expandPath(fs: ContainerFs, pattern: string): string[] {
  let paths = ['/'];
  for (const comp of pattern.split('/').filter(Boolean)) {
    const next: string[] = [];
    for (const dir of paths) {
      const base = dir === '/' ? '' : dir;
      // A literal component is not checked here: a volume's mount point need not exist in the
      // image (/var/log/app with no /var), yet the path resolves through the mount.
      if (!/[*?[]/.test(comp)) {
        next.push(`${base}/${comp}`);
        continue;
      }
      let names: string[] = [];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      for (const n of names) if (!n.startsWith('.') && globMatch(comp, n)) next.push(`${base}/${n}`);
    }
    paths = next;
  }
  return paths.filter((p) => fs.statFollow(p)?.type === 'file').sort();
}

export class TailState {
  /** path → bytes already consumed (a partial last line stays unconsumed until its newline). */
  readonly offsets = new Map<string, number>();

  constructor(
    private readonly fs: ContainerFs,
    private readonly pattern: string,
    readFromHead: boolean,
  ) {
    for (const f of expandPath(fs, pattern)) this.offsets.set(f, readFromHead ? 0 : this.size(f));
  }

  private read(f: string): string | undefined {
    try {
      return this.fs.readFile(f);
    } catch {
      return undefined;
    }
  }

  private size(f: string): number {
    return this.read(f)?.length ?? 0;
  }

  /** Files added since the last scan; returns their names for the log line. */
  rescan(): string[] {
    const added: string[] = [];
    for (const f of expandPath(this.fs, this.pattern)) {
      if (this.offsets.has(f)) continue;
      this.offsets.set(f, 0);
      added.push(f);
    }
    return added;
  }

  /** Complete new lines from every followed file. */
  collect(): string[] {
    const lines: string[] = [];
    for (const [f, off] of this.offsets) {
      const data = this.read(f);
      if (data === undefined) continue;
      let at = data.length < off ? 0 : off;
      const end = data.lastIndexOf('\n');
      if (end < at) {
        this.offsets.set(f, at);
        continue;
      }
      for (const l of data.slice(at, end).split('\n')) lines.push(l);
      at = end + 1;
      this.offsets.set(f, at);
    }
    return lines;
  }
}
