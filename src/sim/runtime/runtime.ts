/**
 * The simulated containerd: pod sandboxes (network namespace, optional shared PID namespace, the
 * pause process), containers (a private root filesystem from the image, volume mounts, a main
 * process), logs, exec, stop with grace period. Implements the CRI-like RuntimeService.
 */
import type { VirtualClock } from '../clock/clock';
import type { Prng } from '../clock/prng';
import type { Trace } from '../trace/trace';
import { CriError, type ContainerConfig, type CriContainerStatus, type ExecResult, type LogLine, type PodSandboxConfig, type RuntimeEvent, type RuntimeService } from './cri';
import { ContainerFs } from './containerfs';
import { ProcFs } from './procfs';
import { FsError, FsTree, fsGeneration, normalize } from './fs';
import { Kernel } from './kernel';
import { LineSink, Pipe, type Writable } from './pipe';
import type { Tty } from './tty';
import { ContainerStdio, type Attachment } from './stdio';
import { PidNamespace, type Process, type ProcessHost, type Program } from './process';
import { NetNamespace } from '../net/netns';
import { IpcNamespace } from './ipc';
import type { ClusterNetwork } from '../net/network';
import { findImage, parseImageRef } from '../images/catalogue';
import type { ImageSpec } from '../images/types';
import { PROGRAMS } from '../shell/commands';
import { IMAGE_PROGRAMS } from '../images/programs';
import type { IO, ShellHooks } from '../shell/interpreter';

/** Executable files carry this marker followed by the program name (our stand-in for an ELF binary). */
export const EXEC_MARKER = '\x7fELF ';

/** Container logs rotate (kubelet containerLogMaxSize); keep the newest lines only. */
const MAX_LOG_LINES = 200_000;

const ALL_PROGRAMS: Record<string, Program> = { ...PROGRAMS, ...IMAGE_PROGRAMS };

interface Sandbox {
  id: string;
  config: PodSandboxConfig;
  net: NetNamespace;
  /** Shared by every container of the pod (FIDELITY §22); programs reach it as services.ipc. */
  ipc: IpcNamespace;
  pidns?: PidNamespace;
  pause?: Process;
  containers: Set<string>;
}

interface Container {
  id: string;
  sandbox: Sandbox;
  config: ContainerConfig;
  spec: ImageSpec;
  status: CriContainerStatus;
  fs: ContainerFs;
  host: ProcessHost;
  main?: Process;
  /** PID 1's streams, which kubectl attach connects to. */
  stdio?: ContainerStdio;
  logs: LogLine[];
  killTimer?: number;
}

export class SimContainerRuntime implements RuntimeService {
  readonly kernel: Kernel;
  private sandboxes = new Map<string, Sandbox>();
  private containers = new Map<string, Container>();
  private listeners = new Set<(e: RuntimeEvent) => void>();
  private imageTrees = new Map<string, FsTree>();
  readonly shellHooks: ShellHooks;
  /** The cluster network every sandbox joins (set by the Cluster); programs reach it as services.network. */
  network?: ClusterNetwork;
  /** When the node came up: /proc/uptime and process start times count from here. */
  private readonly bootTime: number;

  constructor(
    private readonly clock: VirtualClock,
    private readonly prng: Prng,
    private readonly trace: Trace,
  ) {
    this.kernel = new Kernel(clock);
    this.bootTime = clock.now();
    this.shellHooks = {
      spawn: (parent, argv, env, io, program) =>
        this.kernel.spawn({ argv, env, cwd: parent.cwd, host: parent.host, ns: parent.ns, program, parent, fds: { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr } }),
      kill: (target, sig) => this.kernel.kill(target, sig),
      redirect: (p, io) => this.kernel.redirect(p, io),
    };
  }

  subscribe(fn: (e: RuntimeEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  // ---- sandboxes ----

  runPodSandbox(config: PodSandboxConfig): string {
    const id = this.prng.hex(64);
    const sb: Sandbox = { id, config, net: new NetNamespace(config.ip), ipc: new IpcNamespace(), containers: new Set() };
    this.traceSandbox(sb);
    if (config.shareProcessNamespace) {
      sb.pidns = new PidNamespace();
      const host = this.makeHost(sb, `${id}-pause`, 'POD', new ContainerFs(new FsTree(), () => this.clock.now()));
      sb.pause = this.kernel.spawn({ argv: ['/pause'], env: new Map(), cwd: '/', host, ns: sb.pidns, program: IMAGE_PROGRAMS.pause, fds: { stdout: devNullW, stderr: devNullW } });
      sb.pause.user = '65535';
    }
    this.sandboxes.set(id, sb);
    this.network?.attach(sb.net, config.namespace, config.name);
    return id;
  }

  stopPodSandbox(id: string): void {
    const sb = this.sandboxes.get(id);
    if (!sb) return;
    for (const cid of sb.containers) {
      const c = this.containers.get(cid);
      if (c?.main?.alive) this.killContainer(c, 9);
    }
    if (sb.pause?.alive) this.kernel.kill(sb.pause, 9, true);
  }

  removePodSandbox(id: string): void {
    const sb = this.sandboxes.get(id);
    if (!sb) return;
    for (const cid of sb.containers) this.containers.delete(cid);
    this.sandboxes.delete(id);
    if (this.network?.pod(sb.net.ip)?.net === sb.net) this.network.detach(sb.net.ip);
  }

  sandboxNet(id: string): NetNamespace | undefined {
    return this.sandboxes.get(id)?.net;
  }

  // ---- containers ----

  createContainer(sandboxId: string, config: ContainerConfig): string {
    const sb = this.sandboxes.get(sandboxId);
    if (!sb) throw new CriError('CreateContainerError', `failed to reserve container name: sandbox ${sandboxId} not found`);
    const ref = parseImageRef(config.image);
    const img = ref && findImage(ref);
    if (!ref || !img) throw new CriError('CreateContainerError', `failed to get image "${config.image}": not found`);
    const id = this.prng.hex(64);
    const root = this.imageTree(img.spec).clone();
    for (const [path, data] of Object.entries(sb.config.etcFiles)) root.writeFile(path, data, this.clock.now(), true);
    const fs = new ContainerFs(root, () => this.clock.now());
    // /proc shows the container's PID namespace: the pod's when shared, else the one its main process gets.
    fs.proc = new ProcFs(() => sb.pidns ?? this.containers.get(id)?.main?.ns, () => this.kernel.current, () => this.clock.now(), this.bootTime);
    for (const m of config.mounts) fs.addMount({ path: m.containerPath, tree: m.tree, subPath: m.subPath, readOnly: m.readOnly, source: m.source, fstype: m.fstype });
    // POSIX shared memory (shm_open) is files in the IPC namespace's tmpfs at /dev/shm.
    if (!config.mounts.some((m) => m.containerPath === '/dev/shm')) fs.addMount({ path: '/dev/shm', tree: sb.ipc.shmTree, subPath: '', readOnly: false, source: 'shm', fstype: 'tmpfs' });
    const host = this.makeHost(sb, id, config.name, fs);
    if (this.trace.wantsBulk) {
      fs.onVolumeWrite = (mountPath, path, bytes, append) =>
        this.trace.record({ t: this.clock.now(), kind: 'file', pod: sb.config.name, namespace: sb.config.namespace, container: config.name, mountPath, path, bytes, append });
    }
    const status: CriContainerStatus = {
      id,
      name: config.name,
      attempt: config.attempt,
      sandboxId,
      state: 'CONTAINER_CREATED',
      image: ref.normalized,
      imageRef: `${ref.repository}@sha256:${img.tag.digest}`,
      createdAt: this.clock.now(),
    };
    this.containers.set(id, { id, sandbox: sb, config, spec: img.spec, status, fs, host, logs: [] });
    sb.containers.add(id);
    return id;
  }

  startContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) throw new CriError('StartError', `container ${id} not found`);
    const argv = this.containerArgv(c);
    const env = new Map<string, string>();
    if (c.spec.env.PATH) env.set('PATH', c.spec.env.PATH);
    env.set('HOSTNAME', c.sandbox.config.hostname);
    for (const [k, v] of c.config.env) env.set(k, v);
    for (const [k, v] of Object.entries(c.spec.env)) if (!env.has(k)) env.set(k, v);
    // runc sets HOME from the user's /etc/passwd entry when the environment has none.
    if (!env.has('HOME')) env.set('HOME', passwdHome(c.fs, 'root'));
    // runc resolves a relative path such as `./ipc` against the working directory.
    const found = argv.length ? c.host.resolveProgram(relExec(argv[0], c.config.workingDir ?? c.spec.workingDir ?? '/'), env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin') : undefined;
    if (!found) {
      const msg = argv.length
        ? `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${argv[0]}": ${argv[0].includes('/') ? 'stat ' + argv[0] + ': no such file or directory' : 'executable file not found in $PATH'}: unknown`
        : 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: no command specified: unknown';
      Object.assign(c.status, { state: 'CONTAINER_EXITED', startedAt: undefined, finishedAt: this.clock.now(), exitCode: 128, reason: 'StartError', message: msg });
      throw new CriError('StartError', msg);
    }
    const ns = c.sandbox.pidns ?? new PidNamespace();
    const stdio = new ContainerStdio(c.config, this.logSink(c, 'stdout'), this.logSink(c, 'stderr'));
    const p = this.kernel.spawn({ argv, env, cwd: c.config.workingDir ?? c.spec.workingDir ?? '/', host: c.host, ns, program: found.program, fds: { stdin: stdio.stdin, stdout: stdio.stdout, stderr: stdio.stderr }, tty: stdio.tty });
    c.main = p;
    c.stdio = stdio;
    c.status.state = 'CONTAINER_RUNNING';
    c.status.startedAt = this.clock.now();
    p.onExit.push((s) => this.onMainExit(c, s.signal ? 128 + s.signal : s.code));
    this.emit({ type: 'started', containerId: id, sandboxId: c.sandbox.id });
  }

  stopContainer(id: string, timeoutSeconds: number): void {
    const c = this.containers.get(id);
    if (!c?.main?.alive) return;
    this.killContainer(c, c.spec.stopSignal ?? 15);
    this.clock.cancel(c.killTimer);
    c.killTimer = this.clock.after(timeoutSeconds * 1000, () => {
      if (c.main?.alive) this.killContainer(c, 9);
    });
  }

  removeContainer(id: string): void {
    const c = this.containers.get(id);
    if (!c) return;
    c.sandbox.containers.delete(id);
    this.containers.delete(id);
  }

  containerStatus(id: string): CriContainerStatus | undefined {
    const c = this.containers.get(id);
    return c && { ...c.status };
  }

  /** A container's view of files (the app's file browser reads it; the container may have exited). */
  containerFs(id: string): ContainerFs | undefined {
    return this.containers.get(id)?.fs;
  }

  /** The IPC objects of the sandbox whose network namespace has this IP (the pod diagram). */
  ipcObjects(ip: string): string[] {
    for (const sb of this.sandboxes.values()) {
      if (sb.net.ip !== ip) continue;
      const v = sb.ipc.snapshot();
      return [...sb.ipc.mqNames().map((n) => `mqueue ${n}`), ...v.msq.map((q) => `msqid ${q.perm.id}`), ...v.sem.map((x) => `semid ${x.perm.id}`), ...v.shm.map((x) => `shmid ${x.perm.id}`)];
    }
    return [];
  }

  containerLogs(id: string): readonly LogLine[] {
    return this.containers.get(id)?.logs ?? [];
  }

  /** Read a file as the container sees it (mounts and links followed), without starting a process. */
  readContainerFile(id: string, path: string): { data: string } | { error: string } {
    const c = this.containers.get(id);
    if (!c) return { error: 'no such container' };
    try {
      return { data: c.fs.readFile(path) };
    } catch (e) {
      return { error: e instanceof FsError ? e.code : String(e) };
    }
  }

  /** The container's processes (its PID namespace, or the pod's when shared). */
  containerProcesses(id: string): Process[] {
    const c = this.containers.get(id);
    if (!c?.main) return [];
    return [...c.main.ns.procs.values()].filter((p) => p.alive || p.state === 'zombie');
  }

  /**
   * Start a process in a running container with the caller's streams (kubectl exec, probes).
   * Returns the process, or the runtime's error text when the container is not running or the
   * binary is not in the image.
   */
  execStream(id: string, cmd: string[], io: { stdin?: Pipe; stdout: Writable; stderr: Writable; tty?: Tty }): { process: Process } | { error: string; notRunning?: boolean } {
    const c = this.containers.get(id);
    if (!c?.main?.alive) return { error: `container not running (${id})`, notRunning: true };
    const found = cmd.length ? c.host.resolveProgram(relExec(cmd[0], c.config.workingDir ?? c.spec.workingDir ?? '/'), c.main.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin') : undefined;
    if (!found) return { error: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd[0]}": executable file not found in $PATH: unknown` };
    const stdin = io.stdin ?? new Pipe();
    if (!io.stdin) stdin.close();
    const process = this.kernel.spawn({ argv: cmd, env: new Map(c.main.env), cwd: c.config.workingDir ?? c.spec.workingDir ?? '/', host: c.host, ns: c.main.ns, program: found.program, fds: { stdin, stdout: io.stdout, stderr: io.stderr }, tty: io.tty });
    return { process };
  }

  /**
   * Connect to a running container's main process streams (kubectl attach). The kubelet finds
   * only running containers, hence its error wording for any other.
   */
  attachContainer(id: string, o: Parameters<ContainerStdio['attach']>[0]): { attachment: Attachment; process: Process } | { error: string } {
    const c = this.containers.get(id);
    if (!c?.main?.alive || !c.stdio) return { error: `container ${c?.config.name ?? ''} not found in pod ${c ? `${c.sandbox.config.name}_${c.sandbox.config.namespace}` : ''}` };
    return { attachment: c.stdio.attach(o), process: c.main };
  }

  exec(id: string, cmd: string[], timeoutMs: number, done: (r: ExecResult | { timedOut: true }) => void): void {
    let stdout = '';
    let stderr = '';
    const r = this.execStream(id, cmd, { stdout: { write: (t) => void (stdout += t) }, stderr: { write: (t) => void (stderr += t) } });
    if ('error' in r) {
      this.clock.after(0, () => done({ exitCode: 126, stdout: '', stderr: r.error }));
      return;
    }
    let finished = false;
    const timer = this.clock.after(timeoutMs, () => {
      if (finished) return;
      finished = true;
      done({ timedOut: true });
    });
    r.process.onExit.push((st) => {
      if (finished) return;
      finished = true;
      this.clock.cancel(timer);
      done({ exitCode: st.signal ? 128 + st.signal : st.code, stdout, stderr });
    });
  }

  httpGet(ip: string, port: number, path: string, headers: Record<string, string>): { status: number; body: string } | { error: string } {
    const net = this.netByIp(ip);
    const l = net?.listener(port);
    if (!l) return { error: `dial tcp ${ip}:${port}: connect: connection refused` };
    if (!l.handleHttp) return { error: `Get "http://${ip}:${port}${path}": EOF` };
    const r = l.handleHttp({ method: 'GET', path, headers, remoteAddr: ip.replace(/\.\d+$/, '.1') });
    return { status: r.status, body: r.body };
  }

  tcpConnect(ip: string, port: number): boolean {
    return !!this.netByIp(ip)?.listener(port);
  }

  // ---- internals ----

  private netByIp(ip: string): NetNamespace | undefined {
    for (const sb of this.sandboxes.values()) if (sb.net.ip === ip) return sb.net;
    return undefined;
  }

  /** Kubernetes' command/args rules over the image's ENTRYPOINT/CMD. */
  private containerArgv(c: Container): string[] {
    const { command, args } = c.config;
    if (command && command.length) return [...command, ...(args ?? [])];
    const ep = c.spec.entrypoint ?? [];
    if (args && args.length) return [...ep, ...args];
    return [...ep, ...(c.spec.cmd ?? [])];
  }

  private killContainer(c: Container, sig: number): void {
    if (!c.main?.alive) return;
    this.kernel.kill(c.main, sig, true);
  }

  private onMainExit(c: Container, exitCode: number): void {
    this.clock.cancel(c.killTimer);
    // The container's other processes die with its init (the PID namespace is torn down).
    if (!c.sandbox.pidns) for (const p of [...c.main!.ns.procs.values()]) this.kernel.terminate(p, { code: 137, signal: 9 });
    else for (const p of [...c.sandbox.pidns.procs.values()]) if (p.host === c.host) this.kernel.terminate(p, { code: 137, signal: 9 });
    c.stdio?.closed();
    Object.assign(c.status, { state: 'CONTAINER_EXITED', finishedAt: this.clock.now(), exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' });
    this.emit({ type: 'exited', containerId: c.id, sandboxId: c.sandbox.id });
  }

  private emit(e: RuntimeEvent): void {
    for (const l of [...this.listeners]) l(e);
  }

  /** Ports and IPC traffic of a sandbox into the trace (the pod diagram draws them). */
  private traceSandbox(sb: Sandbox): void {
    const { name: pod, namespace } = sb.config;
    sb.net.onListen = (l, open) => this.trace.record({ t: this.clock.now(), kind: 'listen', pod, namespace, container: l.process.host.containerName, port: l.port, open });
    if (!this.trace.wantsBulk) return;
    sb.ipc.onMessage = (object, op, bytes) =>
      this.trace.record({ t: this.clock.now(), kind: 'ipc', pod, namespace, container: this.kernel.current?.host.containerName ?? '', object, op, bytes });
  }

  private logSink(c: Container, stream: 'stdout' | 'stderr'): Writable {
    const cfg = c.sandbox.config;
    return new LineSink((line) => {
      const t = this.clock.now();
      c.logs.push({ t, stream, line });
      if (c.logs.length > MAX_LOG_LINES) c.logs.splice(0, c.logs.length - MAX_LOG_LINES);
      this.trace.record({ t, kind: 'log', pod: cfg.name, namespace: cfg.namespace, container: c.config.name, attempt: c.config.attempt, stream, line });
    });
  }

  private imageTree(spec: ImageSpec): FsTree {
    let t = this.imageTrees.get(spec.repository);
    if (!t) {
      t = FsTree.from(spec.files);
      for (const [path, prog] of Object.entries(spec.programs)) {
        t.writeFile(path, EXEC_MARKER + prog, 0, true);
        const n = t.lookup(path);
        if (n) n.mode = 0o755;
      }
      this.imageTrees.set(spec.repository, t);
    }
    return t;
  }

  private makeHost(sb: Sandbox, containerId: string, containerName: string, fs: ContainerFs): ProcessHost {
    const host: ProcessHost = {
      containerId,
      containerName,
      hostname: sb.config.hostname,
      fs,
      now: () => this.clock.now(),
      resolveProgram: cachedResolver(fs),
      services: { shellHooks: this.shellHooks, net: sb.net, ipc: sb.ipc, programs: ALL_PROGRAMS, network: this.network },
    };
    return host;
  }
}

const devNullW: Writable = { write() {} };

/** A command with a slash but not absolute names a file relative to the working directory. */
function relExec(cmd: string, cwd: string): string {
  return cmd.includes('/') && !cmd.startsWith('/') ? normalize(cmd, cwd) : cmd;
}

/** PATH lookups per container, remembered until any file changes (a shell loop resolves `date` every second). */
function cachedResolver(fs: ContainerFs): ProcessHost['resolveProgram'] {
  let gen = -1;
  const cache = new Map<string, ReturnType<typeof resolveProgram>>();
  return (name, path) => {
    if (gen !== fsGeneration) {
      cache.clear();
      gen = fsGeneration;
    }
    const key = `${name}\0${path}`;
    if (!cache.has(key)) cache.set(key, resolveProgram(fs, name, path));
    return cache.get(key);
  };
}

/** Find an executable by name or path; a script starting with #! runs its interpreter. */
export function resolveProgram(fs: ContainerFs, name: string, path: string): { path: string; program: Program } | undefined {
  const candidates = name.includes('/') ? [normalize(name)] : path.split(':').filter(Boolean).map((d) => `${d}/${name}`);
  for (const c of candidates) {
    let node = fs.stat(c);
    let resolved = c;
    for (let hops = 0; node && node.type === 'symlink' && hops < 8; hops++) {
      resolved = normalize(node.target, normalize(resolved + '/..'));
      node = fs.stat(resolved);
    }
    if (!node || node.type !== 'file') continue;
    if (node.data.startsWith(EXEC_MARKER)) {
      const prog = ALL_PROGRAMS[node.data.slice(EXEC_MARKER.length).trim()];
      if (prog) return { path: c, program: prog };
    } else if (node.data.startsWith('#!') && node.mode & 0o111) {
      const interp = node.data.slice(2).split('\n')[0].trim().split(/\s+/);
      const sh = resolveProgram(fs, interp[0], path);
      if (sh) {
        const scriptPath = c;
        const program: Program = function* (p) {
          p.execve([interp[0], ...interp.slice(1), scriptPath, ...p.argv.slice(1)], interp[0]);
          return yield* sh.program(p);
        };
        return { path: c, program };
      }
    }
  }
  return undefined;
}

export type { IO };

/** A user's home directory from the container's /etc/passwd; `/` when it has no entry (runc's default). */
function passwdHome(fs: ContainerFs, user: string): string {
  try {
    const line = fs.readFile('/etc/passwd').split('\n').find((l) => l.split(':')[0] === user);
    return line?.split(':')[5] || '/';
  } catch {
    return '/';
  }
}
