/**
 * `podlab` — the engine from a shell.
 *   podlab sh [--seed N] [--start ISO] [--home DIR] [SCRIPT]   headless workstation transcript
 *   podlab bench                                                simulator speed benchmark
 */
import { readFileSync } from 'node:fs';
import { runShell, type ShellOptions } from './sh';
import { runBench } from './bench';
import { runLessonsCommand } from './lessons';
import { scriptFromTranscript } from '../sim/workstation/transcript';

function usage(): never {
  process.stderr.write('usage: podlab sh [--seed N] [--start ISO-8601] [--home DIR] [SCRIPT]\n       podlab bench [--sim | --web]\n       podlab lessons check [--verbose] [SLUG…]\n');
  process.exit(2);
}

function parseShellArgs(args: string[]): ShellOptions & { script?: string } {
  const o: ShellOptions & { script?: string } = { seed: 1, start: undefined, home: undefined };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined) usage();
      return v;
    };
    if (a === '--seed' || a.startsWith('--seed=')) {
      const v = val();
      if (!/^\d+$/.test(v)) {
        process.stderr.write(`podlab: --seed must be a non-negative integer, got "${v}"\n`);
        process.exit(2);
      }
      o.seed = Number(v);
    } else if (a === '--start' || a.startsWith('--start=')) {
      const v = val();
      const t = Date.parse(v);
      if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v)) {
        process.stderr.write(`podlab: --start must be an ISO-8601 instant like 2025-01-15T10:00:00Z, got "${v}"\n`);
        process.exit(2);
      }
      o.start = t;
    } else if (a === '--home' || a.startsWith('--home=')) o.home = val();
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) {
      process.stderr.write(`podlab: unknown option ${a}\n`);
      usage();
    } else o.script = a;
  }
  return o;
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'sh') {
  const o = parseShellArgs(rest);
  let src: string;
  try {
    src = o.script ? readFileSync(o.script, 'utf8') : readFileSync(0, 'utf8');
  } catch (e) {
    process.stderr.write(`podlab: cannot read ${o.script ?? 'stdin'}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    process.exit(2);
  }
  // A transcript (lines starting with `$ `) is replayed: its commands are read back out of it.
  if (/^\$ /m.test(src)) {
    const t = scriptFromTranscript(src);
    src = t.script;
    if (t.options.seed !== undefined && !rest.some((a) => a.startsWith('--seed'))) o.seed = t.options.seed;
    if (t.options.start && o.start === undefined) o.start = Date.parse(t.options.start);
  }
  const code = runShell(src, o, (s) => process.stdout.write(s));
  process.exitCode = code;
} else if (cmd === 'bench') {
  // --sim / --web run one half; the web half (bench-web.ts) is loaded only when needed (vite, playwright-core).
  if (!rest.includes('--web')) runBench();
  if (!rest.includes('--sim')) {
    import('./bench-web')
      .then((m) => m.runWebBench((s) => process.stdout.write(s)))
      .catch((e: unknown) => {
        process.stderr.write(`podlab bench: web figures unavailable: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
      });
  }
} else if (cmd === 'lessons') {
  process.exitCode = runLessonsCommand(rest, (s) => process.stdout.write(s));
} else usage();
