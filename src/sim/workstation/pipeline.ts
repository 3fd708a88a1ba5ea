/**
 * Programs and their input on the workstation. The shell runs every stage of `a | b | c` at once,
 * joined by pipes (src/sim/shell/interpreter.ts on the workstation's kernel): a program stage reads
 * its pipe as data arrives; a workstation command that needs all of its input (kubectl apply -f -,
 * cat) waits for the writer to finish, as reading to EOF would.
 */
import type { CmdGen, TerminalIO, Wait } from '../kubectl/context';
import { Pipe, type Writable } from '../runtime/pipe';
import type { Program } from '../runtime/process';
import type { WorkstationKernel } from './tasks';
import { gnuStderr } from './gnu-wording';

/** A command's standard input: text (here-document, `<` file), a pipe from an earlier stage, or the terminal. */
export type Input = string | Pipe | undefined;

/** A stage's output: TerminalIO plus the pipe itself, so programs can notice a vanished reader. */
export interface PipeIO extends TerminalIO {
  pipe?: Pipe;
}

/** All of a pipe's text, once its writers are done (what a command that reads to EOF gets). */
export function* drain(input: Input): Generator<Wait, string | undefined, void> {
  if (!(input instanceof Pipe)) return input;
  if (!input.closed) yield { op: 'until', done: () => input.closed };
  return input.take();
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
