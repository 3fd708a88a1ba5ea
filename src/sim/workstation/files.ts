/**
 * The workstation's home directory: an in-memory overlay over a read-only source (the CLI's
 * --home folder, or nothing in the browser). Writes never touch the source: a learner's
 * `cat > pod.yaml` stays inside the simulation.
 */
import type { WorkstationFiles } from '../kubectl/context';
import { normalize } from '../runtime/fs';

export interface HostFolder {
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  list(path: string): string[];
}

export class HomeFiles implements WorkstationFiles {
  private written = new Map<string, string>();
  private dirs = new Set<string>(['/home/student']);
  private removed = new Set<string>();
  cwd = '/home/student';

  constructor(private readonly host?: HostFolder, private readonly home = '/home/student') {}

  private abs(p: string): string {
    return normalize(p.replace(/^~(?=\/|$)/, this.home), this.cwd);
  }

  /** Path relative to the home folder, for the host source. */
  private rel(abs: string): string | undefined {
    if (abs === this.home) return '.';
    return abs.startsWith(this.home + '/') ? abs.slice(this.home.length + 1) : undefined;
  }

  read(p: string): string | undefined {
    const a = this.abs(p);
    if (this.removed.has(a)) return undefined;
    if (this.written.has(a)) return this.written.get(a);
    const r = this.rel(a);
    return r && this.host && !this.host.isDir(r) ? this.host.read(r) : undefined;
  }

  isDir(p: string): boolean {
    const a = this.abs(p);
    if (this.removed.has(a)) return false;
    if (this.dirs.has(a)) return true;
    const r = this.rel(a);
    return !!r && !!this.host?.isDir(r);
  }

  exists(p: string): boolean {
    return this.read(p) !== undefined || this.isDir(p);
  }

  list(p: string): string[] {
    const a = this.abs(p);
    const names = new Set<string>();
    const r = this.rel(a);
    if (r && this.host?.isDir(r)) for (const n of this.host.list(r)) names.add(n);
    for (const k of [...this.written.keys(), ...this.dirs]) {
      if (k.startsWith(a === '/' ? '/' : a + '/') && k !== a) names.add(k.slice(a === '/' ? 1 : a.length + 1).split('/')[0]);
    }
    return [...names].filter((n) => !this.removed.has(normalize(n, a))).sort();
  }

  write(p: string, data: string): void {
    const a = this.abs(p);
    this.removed.delete(a);
    this.written.set(a, data);
  }

  mkdir(p: string): void {
    this.dirs.add(this.abs(p));
  }

  remove(p: string): void {
    const a = this.abs(p);
    this.written.delete(a);
    this.removed.add(a);
  }
}
