/** The kubelet's own bookkeeping for a pod's containers (what the API status is generated from). */
import type { Container } from '../api/types';
import type { CriContainerStatus } from '../runtime/cri';

export type ContainerKind = 'init' | 'sidecar' | 'app';

export interface ContainerRecord {
  name: string;
  kind: ContainerKind;
  spec: Container;
  /** Runtime container IDs, one per attempt, oldest first. */
  instances: string[];
  /** A sync error reported as the waiting state (ErrImagePull, CrashLoopBackOff, ...). */
  waiting?: { reason: string; message?: string };
  /** Startup probe passed (or there is none) for the current instance. */
  started: boolean;
  /** Readiness probe result for the current instance. */
  ready: boolean;
  /** A start (pull/create/start) is in flight. */
  starting: boolean;
}

export interface PodRuntimeView {
  sandboxReady: boolean;
  podIP?: string;
  startTime?: number;
  records: ContainerRecord[];
  containerStatus(id: string): CriContainerStatus | undefined;
}
