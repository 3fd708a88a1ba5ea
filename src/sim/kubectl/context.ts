/**
 * What a kubectl invocation runs against: the cluster, the terminal's output streams and the
 * workstation's files. Commands are generators that yield when they wait in virtual time
 * (`get -w`, `logs -f`, `delete --wait`), so the terminal — headless or in the browser — decides
 * how fast virtual time runs and can interrupt them (Ctrl+C, `timeout`).
 */
import type { Cluster } from '../cluster';

export interface TerminalIO {
  out(text: string): void;
  err(text: string): void;
}

/** Files on the workstation, paths relative to its current directory. */
export interface WorkstationFiles {
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  list(dir: string): string[];
  write(path: string, data: string): void;
  exists(path: string): boolean;
}

export type Wait = { op: 'sleep'; ms: number } | { op: 'until'; done: () => boolean; deadline?: number };
export type CmdGen = Generator<Wait, number, void>;

export interface KubectlCtx {
  cluster: Cluster;
  io: TerminalIO;
  files: WorkstationFiles;
  /** Text piped or heredoc'd into kubectl (for `-f -`). */
  stdin?: string;
  /**
   * Runs the learner's editor on a workstation file and returns its exit status (`kubectl edit`
   * writes the object to a temporary file, calls this, and reads the file back). The workstation
   * supplies it: `$KUBE_EDITOR`/`$EDITOR` as a command line with the path appended (so
   * `KUBE_EDITOR="sed -i s/a/b/" kubectl edit …` works headlessly, as on a real machine), or the
   * app's editor panel for `vi`/`nano`. Absent → kubectl edit explains that no editor is available.
   */
  editor?: (path: string) => CmdGen;
  /** Environment variables of the calling shell (KUBE_EDITOR, EDITOR, KUBECONFIG …). */
  env?: ReadonlyMap<string, string>;
}
