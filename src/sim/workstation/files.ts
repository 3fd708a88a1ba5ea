/**
 * The workstation's files: a whole machine's tree (rootfs.ts) in memory, the learner's home
 * directory filled from a read-only source (the CLI's --home folder, a lesson's files, or nothing
 * in the browser). Writes never touch the source: a learner's `cat > pod.yaml` stays inside the
 * simulation.
 *
 * Two views of one tree: this class's forgiving calls (kubectl and the shell's own tools use
 * them: write creates parent directories, remove is recursive) and `fs`, a ContainerFs with the
 * kernel's path rules, which the busybox-derived programs (sed, awk, find …) use as their root.
 */
import type { WorkstationFiles } from '../kubectl/context';
import { ContainerFs } from '../runtime/containerfs';
import { FsError, normalize } from '../runtime/fs';
import { HOME, workstationRootTree } from './rootfs';

export interface HostFolder {
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  list(path: string): string[];
}

/** Folders a --home source may hold that are not a learner's files (and may be huge). */
const SKIPPED = new Set(['node_modules', '.git']);
/** A home folder larger than this is imported in part (the rest is left out, not read). */
const MAX_IMPORTED_FILES = 5000;

export class HomeFiles implements WorkstationFiles {
  private ownCwd: string;
  /** Once the workstation runs: the process running now (or the login shell), whose cwd paths resolve against. */
  private cwdOwner?: () => { cwd: string };
  /** The kernel-rules view of the same tree, for programs. */
  readonly fs: ContainerFs;
  private clock: () => number = () => 0;

  constructor(host?: HostFolder, private readonly home = HOME) {
    this.ownCwd = home;
    this.fs = new ContainerFs(workstationRootTree(0), () => this.clock());
    if (home !== HOME) this.fs.mkdir(home, true);
    if (host) this.importHost(host);
  }

  /** The working directory: the current process's, as a kernel resolves a relative path. */
  get cwd(): string {
    return this.cwdOwner ? this.cwdOwner().cwd : this.ownCwd;
  }

  set cwd(dir: string) {
    if (this.cwdOwner) this.cwdOwner().cwd = dir;
    else this.ownCwd = dir;
  }

  /** Follow processes' working directories from now on (the workstation's kernel). */
  followProcesses(owner: () => { cwd: string }): void {
    owner().cwd = this.ownCwd;
    this.cwdOwner = owner;
  }

  /** Timestamps of writes follow the cluster's virtual clock once the workstation exists. */
  attachClock(now: () => number): void {
    this.clock = now;
  }

  /** An absolute path: `~` expanded, relative to the working directory. */
  abs(p: string): string {
    return normalize(p.replace(/^~(?=\/|$)/, this.home), this.cwd);
  }

  read(p: string): string | undefined {
    try {
      return this.fs.readFile(this.abs(p));
    } catch (e) {
      if (e instanceof FsError) return undefined;
      throw e;
    }
  }

  isDir(p: string): boolean {
    return this.fs.statFollow(this.abs(p))?.type === 'dir';
  }

  exists(p: string): boolean {
    return !!this.fs.statFollow(this.abs(p));
  }

  list(p: string): string[] {
    try {
      return this.fs.readdir(this.abs(p));
    } catch (e) {
      if (e instanceof FsError) return [];
      throw e;
    }
  }

  /** Write a file, creating missing parent directories (kubectl cp, the editor's temp files). */
  write(p: string, data: string): void {
    const a = this.abs(p);
    const parent = normalize(a + '/..');
    if (!this.isDir(parent)) this.fs.mkdir(parent, true);
    this.fs.writeFile(a, data);
  }

  mkdir(p: string): void {
    this.fs.mkdir(this.abs(p), true);
  }

  remove(p: string): void {
    try {
      this.fs.unlink(this.abs(p), true);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
    }
  }

  private importHost(host: HostFolder): void {
    let budget = MAX_IMPORTED_FILES;
    const walk = (rel: string) => {
      for (const name of [...host.list(rel)].sort()) {
        if (budget <= 0 || SKIPPED.has(name)) continue;
        const r = rel === '.' ? name : `${rel}/${name}`;
        budget--;
        if (host.isDir(r)) {
          this.fs.mkdir(`${this.home}/${r}`, true);
          walk(r);
        } else {
          const data = host.read(r);
          if (data !== undefined) this.write(`${this.home}/${r}`, data);
        }
      }
    };
    if (host.isDir('.')) walk('.');
  }
}
