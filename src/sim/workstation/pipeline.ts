/**
 * Pipelines and programs on the workstation. Every stage of `a | b | c` runs at once, joined by
 * pipes: a program stage reads its pipe as data arrives; a workstation command that needs all of
 * its input (kubectl apply -f -, the shell's cat) waits for the writer to finish, as reading to
 * EOF would. A stage that writes to a pipe whose reader has ended is ended itself (SIGPIPE, 141).
 */
import type { CmdGen, TerminalIO, Wait } from '../kubectl/context';
import type { Command } from '../shell/ast';
import { Pipe, type Writable } from '../runtime/pipe';
import type { Program } from '../runtime/process';
import type { Task, WorkstationKernel } from './tasks';
import { gnuStderr } from './gnu-wording';

/** A command's standard input: text (here-document, `<` file), a pipe from an earlier stage, or the terminal. */
export type Input = string | Pipe | undefined;

/** A stage's output: TerminalIO plus the pipe itself, so programs can notice a vanished reader. */
export interface PipeIO extends TerminalIO {
  pipe?: Pipe;
}

export interface PipelineHost {
  readonly kernel: WorkstationKernel;
  readonly files: { cwd: string };
  runCommand(cmd: Command, stdin: Input, io: TerminalIO): CmdGen;
}

/** All of a pipe's text, once its writers are done (what a command that reads to EOF gets). */
export function* drain(input: Input): Generator<Wait, string | undefined, void> {
  if (!(input instanceof Pipe)) return input;
  if (!input.closed) yield { op: 'until', done: () => input.closed };
  return input.take();
}

export function* runPipeline(host: PipelineHost, cmds: Command[], stdin: Input, io: TerminalIO): CmdGen {
  const k = host.kernel;
  const pipes = cmds.slice(1).map(() => new Pipe());
  const tasks: Task[] = [];
  cmds.forEach((c, i) => {
    const input = i === 0 ? stdin : pipes[i - 1];
    const outPipe = pipes[i];
    const fds = { stdin: input instanceof Pipe ? input : undefined, stdout: outPipe ?? { write: (t: string) => io.out(t) }, stderr: { write: (t: string) => io.err(t) } };
    let task: Task | undefined = undefined;
    const stageIo: PipeIO = outPipe
      ? {
          out: (t) => {
            if (k.readerGone(outPipe)) {
              if (task) task.broken = true;
            } else outPipe.write(t);
          },
          err: io.err,
          pipe: outPipe,
        }
      : io;
    task = k.spawnCommand(undefined, [commandWord(c)], new Map(), host.files.cwd, fds, () => host.runCommand(c, input, stageIo));
    tasks.push(task);
  });
  return yield* k.run(tasks);
}

/** Run one of the workstation's programs (sed, awk …) as a process and wait for it. */
export function* runProgram(k: WorkstationKernel, program: Program, argv: string[], env: Map<string, string>, cwd: string, stdin: Input, io: TerminalIO): CmdGen {
  let input: Pipe;
  if (stdin instanceof Pipe) input = stdin;
  else {
    // Text (or the terminal, read as an empty file here) becomes a pipe that is already complete.
    input = new Pipe();
    if (stdin) input.write(stdin);
    input.close();
  }
  const pipe = (io as PipeIO).pipe;
  const stdout: Writable = pipe ?? { write: (t: string) => io.out(t) };
  const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const stderr = gnuStderr(name === 'mawk' ? 'awk' : name, argv, (t) => io.err(t));
  const task = k.spawnProgram(undefined, argv, env, cwd, { stdin: input, stdout, stderr }, program);
  return yield* k.run([task]);
}

function commandWord(c: Command): string {
  return c.t === 'simple' ? c.words[0]?.raw ?? '' : c.t;
}
