/**
 * Screen editors on the workstation. The browser app opens files in its editor panel: `vi FILE`
 * asks the page (through the engine host's `edit` message) and waits until the panel saves or
 * discards. `podlab sh` has no screen, so there the editors explain what to use instead.
 * `kubectl edit` uses the same path through `$KUBE_EDITOR`/`$EDITOR` (kubectl's default: vi).
 */
import type { CmdGen, TerminalIO } from '../kubectl/context';
import type { HomeFiles } from './files';

export const SCREEN_EDITORS = new Set(['vi', 'vim', 'nano', 'view', 'vim.tiny', 'editor']);

export class EditorRequests {
  private nextId = 1;
  private results = new Map<number, string | null>();
  /** Set by the engine host when a page can show the editor panel; unset headless. */
  open?: (id: number, path: string, text: string) => void;

  /** The panel closed request `id`: the saved text, or null when discarded. */
  finish(id: number, text: string | null): void {
    this.results.set(id, text);
  }

  /**
   * Open `path` in the panel and wait for it; the file is written back when saved.
   * Returns the editor's exit status (0 saved or unchanged, 1 no panel).
   */
  *edit(name: string, path: string | undefined, files: HomeFiles, io: TerminalIO): CmdGen {
    if (!this.open) {
      io.err(`${name}: Pod Lab's headless shell has no screen editor — write files with cat <<EOF > FILE (in the app, ${name} opens the editor panel)\n`);
      return 1;
    }
    if (!path) {
      io.err(`${name}: give a file name: ${name} FILE (the editor panel edits one workstation file)\n`);
      return 1;
    }
    if (files.isDir(path)) {
      io.err(`${name}: "${path}" is a directory\n`);
      return 1;
    }
    const id = this.nextId++;
    this.open(id, path, files.read(path) ?? '');
    io.out(`"${path}" opened in the editor panel… save or close it there to continue.\n`);
    yield { op: 'until', done: () => this.results.has(id) };
    const text = this.results.get(id);
    this.results.delete(id);
    if (typeof text === 'string') files.write(path, text);
    return 0;
  }
}
