/**
 * One simulated cluster: a control plane (API server, scheduler) and the node node01 (kubelet +
 * container runtime), all on one virtual clock and one seeded PRNG. This is the engine's facade:
 * the CLI and the app's Web Worker both drive it through these methods.
 */
import { VirtualClock } from './clock/clock';
import { Prng } from './clock/prng';
import { Trace } from './trace/trace';
import { ObjectStore } from './api/store';
import { EventRecorder } from './api/events';
import { ApiServer } from './api/apiserver';
import { Scheduler } from './scheduler/scheduler';
import { Kubelet, NODE_IP, NODE_NAME } from './kubelet/kubelet';
import type { KubeObject } from './api/types';
import { rfc3339 } from './api/time';
import { ClusterNetwork } from './net/network';
import { EndpointsController } from './net/endpoints-controller';
import { NamespaceDefaultsController } from './controllers/namespace-defaults';

export interface ClusterOptions {
  seed: number;
  /** Virtual start instant, ms since the epoch. */
  start: number;
  /** Keep container log lines in the trace (the app does; the CLI does not need them twice). */
  traceLogs?: boolean;
}

/** 2025-01-15T10:00:00Z: the CLI's default start instant. */
export const DEFAULT_START = Date.UTC(2025, 0, 15, 10, 0, 0);
export const KUBERNETES_VERSION = 'v1.32.4';
const CLUSTER_AGE_MS = 7 * 24 * 3600 * 1000;

export class Cluster {
  readonly clock: VirtualClock;
  readonly prng: Prng;
  readonly trace: Trace;
  readonly store: ObjectStore;
  readonly events: EventRecorder;
  readonly api: ApiServer;
  readonly scheduler: Scheduler;
  readonly kubelet: Kubelet;
  readonly network: ClusterNetwork;
  readonly endpoints: EndpointsController;
  readonly namespaceDefaults: NamespaceDefaultsController;

  constructor(opts: ClusterOptions) {
    this.clock = new VirtualClock(opts.start);
    this.prng = new Prng(opts.seed);
    this.trace = new Trace(opts.traceLogs ?? true);
    this.store = new ObjectStore(this.clock, this.prng, this.trace);
    this.events = new EventRecorder(this.store, this.clock, this.trace);
    this.api = new ApiServer(this.clock, this.prng, this.store);
    this.namespaceDefaults = new NamespaceDefaultsController(this.clock, this.store);
    const nodeLabels = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': NODE_NAME,
      'kubernetes.io/os': 'linux',
    };
    this.bootstrap(opts.start - CLUSTER_AGE_MS, nodeLabels);
    this.scheduler = new Scheduler(this.clock, this.store, this.events, NODE_NAME, nodeLabels);
    this.kubelet = new Kubelet(this.clock, this.prng, this.store, this.events, this.trace);
    this.network = new ClusterNetwork(this.clock, this.store, this.trace);
    this.network.currentContainer = () => this.kubelet.runtime.kernel.current?.host.containerName;
    this.kubelet.runtime.network = this.network;
    this.endpoints = new EndpointsController(this.clock, this.store);
  }

  now(): number {
    return this.clock.now();
  }

  /** Advance virtual time by ms, running everything that happens meanwhile. */
  advance(ms: number): void {
    this.clock.runUntil(this.clock.now() + ms);
  }

  /** Run until `done()` holds or `deadline` passes; returns whether done() held. */
  runUntil(done: () => boolean, deadline: number): boolean {
    if (done()) return true;
    return this.clock.runUntil(deadline, done) || done();
  }

  /** Objects every kubeadm cluster has: namespaces, the node, the kubernetes Service, default service accounts. */
  private bootstrap(at: number, nodeLabels: Record<string, string>): void {
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      this.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }, at);
    }
    // What the controllers made when the cluster was set up (same instant as the namespaces).
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) this.namespaceDefaults.sync(ns, at);
    this.store.create(
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
        spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
        status: { loadBalancer: {} },
      },
      at,
    );
    this.api.reserveClusterIP('10.96.0.1');
    this.api.reserveClusterIP('10.96.0.10');
    const ready = rfc3339(at + 60_000);
    this.store.create(
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: NODE_NAME, labels: nodeLabels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
        spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
        status: {
          addresses: [
            { address: NODE_IP, type: 'InternalIP' },
            { address: NODE_NAME, type: 'Hostname' },
          ],
          allocatable: { cpu: '2', 'ephemeral-storage': '19586931083', 'hugepages-2Mi': '0', memory: '3912492Ki', pods: '110' },
          capacity: { cpu: '2', 'ephemeral-storage': '20134592Ki', 'hugepages-2Mi': '0', memory: '4014892Ki', pods: '110' },
          conditions: [
            { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: ready, lastTransitionTime: ready },
            { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: ready, lastTransitionTime: ready },
            { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: ready, lastTransitionTime: ready },
            { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: ready, lastTransitionTime: ready },
          ],
          nodeInfo: { architecture: 'amd64', bootID: 'b4c9e0e2-5d39-4a8e-9a4b-3f0d8c2a1e77', containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '6.8.0-1015-gcp', kubeProxyVersion: KUBERNETES_VERSION, kubeletVersion: KUBERNETES_VERSION, machineID: '8e5d1f3a2b7c4e9fa0d6c1b2e3f4a5b6', operatingSystem: 'linux', osImage: 'Ubuntu 24.04.1 LTS', systemUUID: '8e5d1f3a-2b7c-4e9f-a0d6-c1b2e3f4a5b6' },
        },
      } as KubeObject,
      at,
    );
  }
}
