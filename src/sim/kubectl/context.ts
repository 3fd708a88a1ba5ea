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
  /** The learner's keyboard, for commands that read the terminal (`exec -i`, `attach -i`, `run -i`). */
  terminal?: TerminalInput;
}

/**
 * What the learner types while a command runs. A command that reads it (an interactive session)
 * claims it; each Enter delivers one line, Ctrl+D an end-of-file, Ctrl+C goes to the claimant.
 */
export interface TerminalInput {
  /** The next typed line (no newline), null for Ctrl+D, undefined when nothing is waiting. */
  take(): string | null | undefined;
  /** Whether a typed line or Ctrl+D is waiting. */
  pending(): boolean;
  /**
   * Route keyboard input to a session until the returned release function is called. `idle`
   * tells whether the session waits for a line right now (its program reads the terminal);
   * `interrupt` takes Ctrl+C, returning false when it should end the command instead.
   */
  claim(session: { interrupt(): boolean; idle(): boolean }): () => void;
}
