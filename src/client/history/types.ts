/**
 * What the app can ask the engine about the simulated world at an instant: the scene the pod
 * diagram draws, and the files the file browser lists and opens. Plain data (structured-clone
 * safe); answered from the live cluster, or from a deterministic replay for an instant in the past.
 */
import type { Pod, Service } from '../../sim/api/types';

/** Where files are read: a container's own view (root filesystem plus its mounts) or one volume of a pod. */
export type FsTarget = { namespace: string; pod: string; container: string } | { namespace: string; pod: string; volume: string };

export type Query = { kind: 'scene' } | { kind: 'ls'; target: FsTarget; path: string } | { kind: 'read'; target: FsTarget; path: string };

/** A pod's network and IPC namespaces as they are at the instant. */
export interface PodNet {
  ip?: string;
  /** Ports with a live listener, and the container whose process listens. */
  ports: Array<{ port: number; container: string }>;
  /** IPC objects: `mqueue /name`, `msqid N`, `semid N`, `shmid N`. */
  ipc: string[];
}

export interface Scene {
  pods: Pod[];
  services: Service[];
  /** By `namespace/name`. */
  net: Record<string, PodNet>;
}

export interface FsEntry {
  name: string;
  type: 'file' | 'dir' | 'symlink';
  /** Bytes for files, 0 otherwise. */
  size: number;
  mode: number;
  mtime: number;
  /** Where a symlink points. */
  target?: string;
}

export type QueryResult =
  | { ok: true; kind: 'scene'; at: number; scene: Scene }
  | { ok: true; kind: 'ls'; at: number; entries: FsEntry[] }
  | { ok: true; kind: 'read'; at: number; content: string }
  | { ok: false; at: number; error: string };
