/**
 * bash's job table on the workstation: `cmd &` prints `[1] PID`, the job runs beside what comes
 * next (a task the kernel keeps stepping), `jobs` lists it, `kill %1` ends it, `wait` waits for all,
 * and a finished job is reported (`[1]+  Done   cmd`) after the command line during which it ended,
 * before the next prompt — when bash checks its children.
 */
import type { TerminalIO } from '../kubectl/context';
import type { Task, WorkstationKernel } from './tasks';

interface Job {
  id: number;
  text: string;
  task: Task;
}

export class JobTable {
  private jobs: Job[] = [];

  constructor(private readonly kernel: WorkstationKernel) {}

  /** A job was started: bash's `[N] PID` line. */
  add(task: Task, text: string, io: TerminalIO): void {
    const id = (this.jobs.length ? Math.max(...this.jobs.map((j) => j.id)) : 0) + 1;
    this.jobs.push({ id, text, task });
    io.out(`[${id}] ${task.proc.pid}\n`);
    this.kernel.startBackground(task);
  }

  /** Notices for jobs that ended; they leave the table. */
  notify(io: TerminalIO): void {
    for (const j of this.jobs.filter((x) => x.task.done)) {
      io.out(`[${j.id}]+  ${(j.task.status === 0 ? 'Done' : `Exit ${j.task.status}`).padEnd(24)}${j.text}\n`);
    }
    this.jobs = this.jobs.filter((x) => !x.task.done);
  }

  /** All jobs have ended (`wait`). */
  allDone(): boolean {
    return this.jobs.every((j) => j.task.done);
  }

  /** `wait` collected the ended jobs: bash reports nothing more about them. Returns the last status. */
  collect(): number {
    const done = this.jobs.filter((j) => j.task.done);
    this.jobs = this.jobs.filter((j) => !j.task.done);
    return done.length ? done[done.length - 1].task.status ?? 0 : 0;
  }

  list(io: TerminalIO): number {
    this.jobs.forEach((j, i) => {
      const state = j.task.done ? (j.task.status === 0 ? 'Done' : `Exit ${j.task.status}`) : 'Running';
      io.out(`[${j.id}]${i === this.jobs.length - 1 ? '+' : '-'}  ${state.padEnd(24)}${j.text}${j.task.done ? '' : ' &'}\n`);
    });
    this.jobs = this.jobs.filter((x) => !x.task.done);
    return 0;
  }

  /** `kill %N` / `kill %%`: SIGTERM to the job; undefined when there is no such job. */
  kill(spec: string, sig: number, io: TerminalIO): boolean {
    const job = this.jobs.find((j) => `%${j.id}` === spec || (spec === '%%' || spec === '%+' ? j === this.jobs[this.jobs.length - 1] : false));
    if (!job) return false;
    this.kernel.hooks.kill(job.task.proc, sig);
    this.jobs = this.jobs.filter((j) => j !== job);
    io.out(`[${job.id}]+  ${(sig === 9 ? 'Killed' : sig === 2 ? 'Interrupt' : 'Terminated').padEnd(24)}${job.text}\n`);
    return true;
  }
}
