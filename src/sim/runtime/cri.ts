/**
 * The boundary between the kubelet and the container runtime, shaped after the CRI
 * (RuntimeService + ImageService). The kubelet only ever talks to the runtime through this
 * interface, so the runtime can grow (volumes, namespaces, more images) without touching it.
 */
import type { FsTree } from './fs';

export interface PodSandboxConfig {
  podUid: string;
  name: string;
  namespace: string;
  hostname: string;
  ip: string;
  shareProcessNamespace: boolean;
  /** Files the kubelet manages in every container: /etc/hosts, /etc/resolv.conf, /etc/hostname. */
  etcFiles: Record<string, string>;
}

export interface MountConfig {
  containerPath: string;
  tree: FsTree;
  subPath: string;
  readOnly: boolean;
  source: string;
  fstype: string;
}

export interface ContainerConfig {
  name: string;
  attempt: number;
  /** Normalized image reference of an image already pulled. */
  image: string;
  command?: string[];
  args?: string[];
  env: Array<[string, string]>;
  workingDir?: string;
  mounts: MountConfig[];
  /** The pod spec's stdin, stdinOnce and tty: what PID 1's standard streams are (runtime/stdio.ts). */
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

export type CriContainerState = 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED';

export interface CriContainerStatus {
  id: string;
  name: string;
  attempt: number;
  sandboxId: string;
  state: CriContainerState;
  image: string;
  imageRef: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  exitCode?: number;
  /** containerd's terminated reason: Completed, Error, OOMKilled, StartError. */
  reason?: string;
  message?: string;
}

export interface LogLine {
  t: number;
  stream: 'stdout' | 'stderr';
  line: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Raised by createContainer/startContainer; the kubelet turns it into waiting reasons and events. */
export class CriError extends Error {
  constructor(public readonly reason: 'CreateContainerError' | 'StartError' | 'RunContainerError', message: string) {
    super(message);
  }
}

export interface RuntimeEvent {
  type: 'started' | 'exited';
  containerId: string;
  sandboxId: string;
}

export interface RuntimeService {
  runPodSandbox(config: PodSandboxConfig): string;
  stopPodSandbox(id: string): void;
  removePodSandbox(id: string): void;
  createContainer(sandboxId: string, config: ContainerConfig): string;
  startContainer(id: string): void;
  /** SIGTERM (or the image's stop signal), then SIGKILL after `timeoutSeconds`. */
  stopContainer(id: string, timeoutSeconds: number): void;
  removeContainer(id: string): void;
  containerStatus(id: string): CriContainerStatus | undefined;
  containerLogs(id: string): readonly LogLine[];
  /** Run a command in a running container; `done` is called in virtual time when it exits or times out. */
  exec(id: string, cmd: string[], timeoutMs: number, done: (r: ExecResult | { timedOut: true }) => void): void;
  /** HTTP/TCP from the node to a pod IP (probes, port-forward later). */
  httpGet(ip: string, port: number, path: string, headers: Record<string, string>): { status: number; body: string } | { error: string };
  tcpConnect(ip: string, port: number): boolean;
  /** PLEG: the runtime reports container state changes. */
  subscribe(fn: (e: RuntimeEvent) => void): () => void;
}

export interface ImageService {
  /** Present images by normalized name. */
  imagePresent(ref: string): boolean;
  /** Pull; `done` runs when the pull finishes (virtual time), with the digest and size, or the CRI error. */
  pullImage(raw: string, done: (r: { ok: true; imageRef: string; size: number; pullMs: number; totalMs: number } | { ok: false; error: string }) => void): void;
}
