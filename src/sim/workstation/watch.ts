/**
 * procps `watch [-n SECONDS] [-t] COMMAND`: run the command every interval and show its latest
 * output under a header — `Every 2.0s: kubectl get pods` on the left, `workstation: <date>` on
 * the right of an 80-column screen. It runs until interrupted (Ctrl+C, or `timeout N watch …`).
 * On the app's screen each run redraws it; without a screen (podlab sh) the frames follow one
 * another, so a transcript shows every refresh.
 */
import type { CmdGen, TerminalIO } from '../kubectl/context';
import { strftime } from '../shell/commands/time';

const WIDTH = 80;

export interface WatchHost {
  now(): number;
  hasScreen: boolean;
  /** Run a command line (through `sh -c` as watch does), its output captured. */
  runCaptured(line: string, io: TerminalIO): CmdGen;
}

export function* watch(args: string[], host: WatchHost, io: TerminalIO): CmdGen {
  let interval = 2;
  let title = true;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    const n = a.match(/^(?:-n|--interval)(?:=?(.+))?$/);
    if (n) {
      const v = n[1] ?? args[++i];
      const secs = Number(v?.replace(',', '.'));
      if (v === undefined || !Number.isFinite(secs)) {
        io.err(`watch: failed to parse argument: '${v ?? ''}'\n`);
        return 1;
      }
      interval = Math.max(0.1, secs);
    } else if (a === '-t' || a === '--no-title') title = false;
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && a !== '-') {
      io.err(`watch: invalid option -- '${a.replace(/^-+/, '')[0]}'\n\nUsage:\n watch [options] command\n`);
      return 1;
    } else break;
  }
  const command = args.slice(i).join(' ');
  if (!command) {
    io.err('\nUsage:\n watch [options] command\n\nOptions:\n  -n, --interval <secs>  seconds to wait between updates\n  -t, --no-title         turn off header\n\nFor more details see watch(1).\n');
    return 1;
  }
  for (;;) {
    let captured = '';
    const capture: TerminalIO = { out: (t) => void (captured += t), err: (t) => void (captured += t) };
    const started = host.now();
    yield* host.runCaptured(command, capture);
    let frame = '';
    if (title) {
      const left = `Every ${interval.toFixed(1)}s: ${command}`;
      const right = `workstation: ${strftime('%a %b %e %H:%M:%S %Y', started)}`;
      frame += (left.length + right.length + 1 <= WIDTH ? left.padEnd(WIDTH - right.length) + right : left.slice(0, WIDTH - right.length - 4) + '... ' + right) + '\n\n';
    }
    frame += captured;
    io.out(host.hasScreen ? '\x1b[H\x1b[2J' + frame : frame + (frame.endsWith('\n') ? '' : '\n'));
    // Without --precise, watch sleeps the whole interval after each run.
    yield { op: 'sleep', ms: Math.round(interval * 1000) };
  }
}
