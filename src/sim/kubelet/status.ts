/**
 * Generating the API PodStatus from the kubelet's view of the pod: container statuses
 * (convertToAPIContainerStatuses), the phase (getPhase) and conditions (status/generate.go),
 * as FIDELITY §2–4 describe them.
 */
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types';
import { rfc3339 } from '../api/time';
import type { CriContainerStatus } from '../runtime/cri';
import type { ContainerRecord, PodRuntimeView } from './types';

function terminatedState(s: CriContainerStatus): ContainerState {
  return {
    terminated: {
      containerID: `containerd://${s.id}`,
      exitCode: s.exitCode ?? 0,
      reason: s.reason,
      ...(s.message ? { message: s.message } : {}),
      startedAt: s.startedAt !== undefined ? rfc3339(s.startedAt) : (null as unknown as undefined),
      finishedAt: rfc3339(s.finishedAt ?? s.createdAt),
    },
  };
}

function isRegularInit(pod: Pod, name: string): boolean {
  const c = pod.spec?.initContainers?.find((i) => i.name === name);
  return !!c && c.restartPolicy !== 'Always';
}

export function containerStatusOf(pod: Pod, rec: ContainerRecord, view: PodRuntimeView): ContainerStatus {
  const hasInit = (pod.spec?.initContainers?.length ?? 0) > 0;
  const latestId = rec.instances[rec.instances.length - 1];
  const latest = latestId ? view.containerStatus(latestId) : undefined;
  const prevId = rec.instances[rec.instances.length - 2];
  const prev = prevId ? view.containerStatus(prevId) : undefined;
  let state: ContainerState;
  let lastState: ContainerState = {};
  const running = latest?.state === 'CONTAINER_RUNNING';
  if (rec.waiting && !running) {
    state = { waiting: { reason: rec.waiting.reason, ...(rec.waiting.message ? { message: rec.waiting.message } : {}) } };
    if (latest?.state === 'CONTAINER_EXITED') lastState = terminatedState(latest);
  } else if (!latest || latest.state === 'CONTAINER_CREATED') {
    state = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
    if (prev?.state === 'CONTAINER_EXITED') lastState = terminatedState(prev);
  } else if (running) {
    state = { running: { startedAt: rfc3339(latest.startedAt!) } };
    if (prev?.state === 'CONTAINER_EXITED') lastState = terminatedState(prev);
  } else {
    state = terminatedState(latest);
    if (prev?.state === 'CONTAINER_EXITED') lastState = terminatedState(prev);
  }
  const started = running && rec.started;
  const status: ContainerStatus = {
    containerID: latest ? `containerd://${latest.id}` : undefined,
    image: latest ? latest.image : rec.spec.image ?? '',
    imageID: latest ? latest.imageRef : '',
    lastState,
    name: rec.name,
    // A regular (non-restartable) init container is ready once it has exited 0, never while it
    // runs (prober_manager.UpdatePodStatus); probes only apply to app containers and sidecars.
    ready: isRegularInit(pod, rec.name) ? !!state.terminated && state.terminated.exitCode === 0 : running && rec.started && rec.ready,
    restartCount: Math.max(0, (latest?.attempt ?? 0)),
    started,
    state,
  };
  if (!latest) delete (status as { containerID?: string }).containerID;
  // The kubelet reports volumeMounts in status since 1.30 only behind a gate; keep the classic shape.
  return status;
}

/** kubelet getPhase (FIDELITY §2). */
export function computePhase(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], deleting: boolean): PodStatus['phase'] {
  const policy = pod.spec?.restartPolicy ?? 'Always';
  const specInit = pod.spec?.initContainers ?? [];
  let pendingInit = false;
  let failedInit = false;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let unknown = 0;
  init.forEach((s, i) => {
    const sidecar = specInit[i]?.restartPolicy === 'Always';
    const prevTerm = s.lastState?.terminated;
    if (sidecar) {
      if (s.state?.running) {
        running++;
        if (!s.started) pendingInit = true;
      } else if (s.state?.waiting && !prevTerm) {
        pendingInit = true;
        waiting++;
      }
      return;
    }
    if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit = true;
    } else if (s.state?.waiting && prevTerm && prevTerm.exitCode !== 0) {
      failedInit = true;
    } else {
      pendingInit = true;
    }
  });
  const everStarted = regular.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  for (const s of regular) {
    if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }
  if (failedInit && policy === 'Never') return 'Failed';
  if ((pendingInit && !everStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (deleting) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(type: string, ok: boolean, reason?: string, message?: string): PodCondition {
  return {
    type,
    status: ok ? 'True' : 'False',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  } as PodCondition;
}

export function computeConditions(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], phase: PodStatus['phase'], sandboxReady: boolean): PodCondition[] {
  const specInit = pod.spec?.initContainers ?? [];
  const sidecarStatuses = init.filter((_, i) => specInit[i]?.restartPolicy === 'Always');
  const incomplete: string[] = [];
  init.forEach((s, i) => {
    const sidecar = specInit[i]?.restartPolicy === 'Always';
    if (sidecar ? !s.started : !(s.state?.terminated && s.state.terminated.exitCode === 0)) incomplete.push(s.name);
  });
  const anyRegularStarted = regular.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  let initialized: PodCondition;
  if (phase === 'Succeeded') initialized = condition('Initialized', true, 'PodCompleted');
  else if (!incomplete.length || anyRegularStarted) initialized = condition('Initialized', true);
  else initialized = condition('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);

  const readySet = [...sidecarStatuses, ...regular];
  // Unready names come in spec order (sidecars, then regular containers as declared).
  const specOrder = [...specInit.filter((c) => c.restartPolicy === 'Always').map((c) => c.name), ...(pod.spec?.containers ?? []).map((c) => c.name)];
  const unready = specOrder.filter((n) => !readySet.find((s) => s.name === n)?.ready);
  let containersReady: PodCondition;
  let ready: PodCondition;
  if (phase === 'Succeeded' || phase === 'Failed') {
    const reason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed';
    containersReady = condition('ContainersReady', false, reason);
    ready = condition('Ready', false, reason);
  } else if (unready.length) {
    const msg = `containers with unready status: [${unready.join(' ')}]`;
    containersReady = condition('ContainersReady', false, 'ContainersNotReady', msg);
    ready = condition('Ready', false, 'ContainersNotReady', msg);
  } else {
    containersReady = condition('ContainersReady', true);
    ready = condition('Ready', true);
  }
  return [condition('PodReadyToStartContainers', sandboxReady), initialized, ready, containersReady, condition('PodScheduled', true)];
}

/** Keep lastTransitionTime when a condition's status did not change (as the kubelet does). */
export function stampConditions(next: PodCondition[], prev: PodCondition[] | undefined, now: number, scheduledAt: string | undefined): PodCondition[] {
  return next.map((c) => {
    const old = prev?.find((p) => p.type === c.type);
    const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : c.type === 'PodScheduled' && scheduledAt ? scheduledAt : rfc3339(now);
    return { ...c, lastProbeTime: null as unknown as undefined, lastTransitionTime };
  });
}

export { qosClass } from '../api/qos';
