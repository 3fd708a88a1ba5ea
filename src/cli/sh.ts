/**
 * `podlab sh`: feed a script to a fresh simulated workstation and print the transcript — `$ `
 * and each command, then exactly what the terminal shows. Node-only glue: the home folder is read
 * from the real disk here and handed to the engine as plain data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Cluster, DEFAULT_START } from '../sim/cluster';
import { Workstation } from '../sim/workstation/workstation';
import { HomeFiles, type HostFolder } from '../sim/workstation/files';
import { BUSY_STEP_LIMIT, driveHeadless, UNBOUNDED_WAIT_LIMIT_MS, type Typist } from '../sim/workstation/driver';
import { splitScript } from '../sim/workstation/script';

export interface ShellOptions {
  seed: number;
  start?: number;
  home?: string;
}

export function hostFolder(dir: string): HostFolder {
  const root = resolve(dir);
  const abs = (p: string) => join(root, p);
  return {
    read: (p) => {
      try {
        return readFileSync(abs(p), 'utf8');
      } catch {
        return undefined;
      }
    },
    isDir: (p) => {
      try {
        return statSync(abs(p)).isDirectory();
      } catch {
        return false;
      }
    },
    list: (p) => {
      try {
        return readdirSync(abs(p));
      } catch {
        return [];
      }
    },
  };
}

/** Run a script; returns the exit status of the last command. `write` receives the transcript. */
export function runShell(src: string, o: ShellOptions, write: (s: string) => void): number {
  const cluster = new Cluster({ seed: o.seed, start: o.start ?? DEFAULT_START, traceLogs: false });
  const files = new HomeFiles(o.home ? hostFolder(o.home) : undefined);
  // Like zsh's PROMPT_SP: output that did not end its line (curl of a body without a newline)
  // is followed by a line break, so every `$ ` starts a line and the transcript stays replayable.
  let atLineStart = true;
  const emit = (s: string) => {
    if (s) atLineStart = s.endsWith('\n');
    write(s);
  };
  const ws = new Workstation(cluster, files, { out: emit, err: emit });
  // The script as lines: commands take whole units (here-documents included); an interactive
  // session inside a command takes the following lines one at a time, as typed.
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  let pos = 0;
  const typist: Typist = { keyboard: ws.keyboard, nextLine: () => (pos < lines.length ? lines[pos++] : undefined), echo: (l) => emit(l + '\n') };
  let status = 0;
  while (pos < lines.length) {
    const unit = splitScript(lines.slice(pos).join('\n') + '\n')[0];
    pos += unit.lines.length;
    if (!atLineStart) emit('\n');
    if (unit.kind !== 'command') {
      emit(unit.lines[0] + '\n');
      continue;
    }
    emit(`$ ${unit.lines[0]}\n`);
    for (const l of unit.lines.slice(1)) emit(`> ${l}\n`);
    status = driveHeadless(
      ws.run(unit.text),
      cluster,
      (why) =>
        emit(
          why === 'busy'
            ? `^C\npodlab: stopped a command that ran ${BUSY_STEP_LIMIT} steps without finishing; bound it with "timeout N"\n`
            : `^C\npodlab: stopped after ${UNBOUNDED_WAIT_LIMIT_MS / 60000} minutes of virtual time; bound waiting commands with "timeout N"\n`,
        ),
      typist,
    );
  }
  return status;
}
