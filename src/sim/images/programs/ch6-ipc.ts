/**
 * /work/ipc/ipc from allingeek/ch6_ipc (Docker in Action, chapter 6): a producer and a consumer
 * that talk through a POSIX message queue, to show that containers sharing an IPC namespace (all
 * containers of a pod) see each other's queues. Behaviour of the real C program:
 * - no argument, or an argument starting with `-producer`: mq_open("/ch6_ipc", O_CREAT, maxmsg 10,
 *   msgsize 1024), then 500 times `Produced: %x` of rand() % 256 (so one or two hex digits),
 *   flushed each line, and mq_send (which blocks while 10 messages wait); then "done",
 *   mq_unlink, exit 0. No sleeps: the pace is the consumer's.
 * - anything else: mq_open("/ch6_ipc", O_RDONLY); if the queue does not exist yet it prints
 *   "Either the producer has not been started or maybe I cannot access the same memory..." and
 *   exits 1 — the start-order race when the consumer container starts first. Otherwise it prints
 *   `Consumed: <msg>` until "done" and exits 0. It never flushes: stdout to a pipe is block
 *   buffered (4096 bytes), so its log lines arrive in bursts and the rest at exit.
 */
import type { Process, Program } from '../../runtime/process';
import { mqReceive, mqSend, type IpcNamespace } from '../../runtime/ipc';
import { Prng } from '../../clock/prng';

const Q_NAME = '/ch6_ipc';
const MAX_SIZE = 1024;
const COUNT = 500;
const STDIO_BUFSIZ = 4096;

function ipcOf(p: Process): IpcNamespace {
  return p.host.services.ipc as IpcNamespace;
}

/** srand(time(NULL)) stands in as a generator seeded from the container ID: reproducible per run. */
function seeded(p: Process): Prng {
  return new Prng(parseInt(p.host.containerId.slice(0, 8), 16) || 1);
}

export const ch6IpcProgram: Program = function* (p) {
  const arg = p.argv[1];
  if (arg === undefined || arg.startsWith('-producer')) return yield* producer(p);
  return yield* consumer(p);
};

function* producer(p: Process): ReturnType<Program> {
  const q = ipcOf(p).mqOpen(Q_NAME, { create: true, maxmsg: 10, msgsize: MAX_SIZE });
  if (typeof q === 'string') return 0; // the real program ignores mq_open errors
  const rng = seeded(p);
  for (let i = 0; i < COUNT; i++) {
    const msg = (rng.nextU32() % 256).toString(16);
    p.fds.stdout.write(`Produced: ${msg}\n`);
    yield* mqSend(q, msg);
  }
  yield* mqSend(q, 'done');
  ipcOf(p).mqUnlink(Q_NAME);
  return 0;
}

function* consumer(p: Process): ReturnType<Program> {
  const q = ipcOf(p).mqOpen(Q_NAME);
  let buf = '';
  const flush = () => {
    if (buf) p.fds.stdout.write(buf);
    buf = '';
  };
  const printf = (s: string) => {
    buf += s;
    while (buf.length >= STDIO_BUFSIZ) {
      p.fds.stdout.write(buf.slice(0, STDIO_BUFSIZ));
      buf = buf.slice(STDIO_BUFSIZ);
    }
  };
  if (typeof q === 'string') {
    printf('Either the producer has not been started or maybe I cannot access the same memory...\n');
    flush(); // exit(1) flushes stdio
    return 1;
  }
  for (;;) {
    const m = yield* mqReceive(q);
    if (m === 'EINTR') continue;
    printf(`Consumed: ${m}\n`);
    if (m.startsWith('done')) break;
  }
  flush();
  return 0;
}
