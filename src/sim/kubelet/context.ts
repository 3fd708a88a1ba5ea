/** What a pod worker needs from its kubelet (kept as an interface so workers stay testable). */
import type { VirtualClock } from '../clock/clock';
import type { ObjectStore } from '../api/store';
import type { EventRecorder } from '../api/events';
import type { ImageService } from '../runtime/cri';
import type { SimContainerRuntime } from '../runtime/runtime';
import type { Backoff } from './backoff';
import type { VolumeManager } from './volumes';
import type { PodWorker } from './pod_worker';

export interface KubeletContext {
  clock: VirtualClock;
  store: ObjectStore;
  events: EventRecorder;
  runtime: SimContainerRuntime;
  images: ImageService;
  volumes: VolumeManager;
  crashBackoff: Backoff;
  imageBackoff: Backoff;
  nodeName: string;
  nodeIP: string;
  allocatePodIP(): string;
  normalizeImage(image: string): string | undefined;
  podTerminated(w: PodWorker): void;
  traceContainers(w: PodWorker): void;
  /** One probe attempt's outcome into the trace (the timeline marks failures). */
  traceProbe(w: PodWorker, container: string, probe: 'liveness' | 'readiness' | 'startup', ok: boolean, message?: string): void;
}
