/**
 * The cluster network: every pod's NetNamespace by IP, Service VIPs and NodePorts (what
 * kube-proxy programs), and connections between them.
 *
 * Dialling (ip, port) from a pod, the node or the workstation resolves to a listener:
 * - 127.0.0.1 is the caller's own namespace (the pod's localhost; the workstation's own).
 * - A pod IP reaches that pod's port table: no listener → Connection refused.
 * - A ClusterIP on a Service port picks the next ready endpoint round-robin (IPVS rr; iptables
 *   mode picks at random — round-robin keeps runs reproducible and spreads visibly). No ready
 *   endpoint → refused (kube-proxy's REJECT rule). A port the Service does not have → nothing
 *   answers: the connect times out.
 * - node01's IP on a Service's nodePort does the same from outside the cluster.
 * - An unused address in node01's pod subnet → No route to host (ARP fails); anything else
 *   → timeout.
 *
 * Failures that take time (timeouts) complete later on the virtual clock: every request returns
 * a Pending that callers wait on (a process by reading `pending.signal`, the workstation with an
 * `until` wait).
 */
import type { VirtualClock } from '../clock/clock';
import type { ObjectStore } from '../api/store';
import type { Endpoints, Service } from '../api/types';
import { Pipe } from '../runtime/pipe';
import type { HttpRequest, HttpResponse, Listener, NetNamespace } from './netns';
import { ARP_TIMEOUT_MS, NODE_IP, POD_SUBNET_PREFIX, SYN_TIMEOUT_MS } from './addr';
import { ClusterDns } from './dns';
import { socketPair, type TcpSocket } from './tcp';
import { bridgeHttp, exchangeOverTcp } from './http-bridge';
import type { Trace, TraceEndpoint } from '../trace/trace';

export type DialError = 'refused' | 'unreachable' | 'timeout';

/** Where a connection comes from: a pod's namespace, or a host outside the pod network. */
export type Origin = { pod: NetNamespace } | { host: 'workstation' | 'node' };

export type Dialed = { ok: true; listener: Listener; target: NetNamespace; ip: string; port: number; source: string; service?: string } | { ok: false; error: DialError; delayMs: number };

/** A result that arrives on the virtual clock. */
export class Pending<T> {
  done = false;
  result?: T;
  /** Closed when the result is in: a process blocks reading it. */
  readonly signal = new Pipe();
  finish(r: T): void {
    if (this.done) return;
    this.done = true;
    this.result = r;
    this.signal.close();
  }
}

/** 'empty': the server closed without a response; 'deadline': the caller's own time limit passed first. */
export type HttpResult = { ok: true; response: HttpResponse; ip: string } | { ok: false; error: DialError | 'empty' | 'deadline' };
export type ConnectResult = { ok: true; socket: TcpSocket; ip: string } | { ok: false; error: DialError };

export interface PodEntry {
  net: NetNamespace;
  namespace: string;
  name: string;
  /** The host end of the pod's veth: eth0@ifN inside the pod. */
  hostIfIndex: number;
}

export class ClusterNetwork {
  /** The workstation's `kubectl port-forward` listeners: local port → pod IP and port. */
  readonly forwards = new Map<number, { podIP: string; port: number; onConnection: () => void }>();

  readonly dns: ClusterDns;
  private readonly pods = new Map<string, PodEntry>();
  private readonly rr = new Map<string, number>();
  /** Interface indexes on node01: lo, eth0, flannel.1, cni0 come first. */
  private nextIfIndex = 5;
  private nextEphemeral = 40000;
  /** The container whose process is running now (set by the cluster): the source of traced traffic. */
  currentContainer?: () => string | undefined;

  constructor(
    readonly clock: VirtualClock,
    readonly store: ObjectStore,
    private readonly trace?: Trace,
  ) {
    this.dns = new ClusterDns(store);
  }

  // ---- registry (the runtime calls these as sandboxes come and go) ----

  attach(net: NetNamespace, namespace: string, name: string): PodEntry {
    const e: PodEntry = { net, namespace, name, hostIfIndex: this.nextIfIndex++ };
    this.pods.set(net.ip, e);
    return e;
  }

  detach(ip: string): void {
    this.pods.delete(ip);
  }

  pod(ip: string): PodEntry | undefined {
    return this.pods.get(ip);
  }

  // ---- dialling ----

  dial(from: Origin, ip: string, port: number): Dialed {
    const source = 'pod' in from ? from.pod.ip : from.host === 'node' ? NODE_IP : '172.30.1.1';
    if (ip === '127.0.0.1' || ip === '0.0.0.0') {
      if ('pod' in from) return this.toNamespace(from.pod, ip, port, '127.0.0.1');
      // kubectl port-forward: the workstation's localhost:PORT enters the pod's namespace, where
      // the connection comes from the pod's own localhost.
      const fwd = from.host === 'workstation' ? this.forwards.get(port) : undefined;
      const target = fwd && this.pods.get(fwd.podIP);
      if (fwd && target) {
        fwd.onConnection();
        return this.toNamespace(target.net, fwd.podIP, fwd.port, '127.0.0.1');
      }
      return { ok: false, error: 'refused', delayMs: 0 };
    }
    const pod = this.pods.get(ip);
    if (pod) return this.toNamespace(pod.net, ip, port, source);
    const svc = this.serviceByIP(ip);
    if (svc) {
      const sp = (svc.spec?.ports ?? []).find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!sp) return { ok: false, error: 'timeout', delayMs: SYN_TIMEOUT_MS };
      return this.toEndpoint(svc, sp.name ?? '', source);
    }
    if (ip === NODE_IP) {
      for (const s of this.store.list('Service') as Service[]) {
        if (s.spec?.type !== 'NodePort' && s.spec?.type !== 'LoadBalancer') continue;
        const sp = (s.spec.ports ?? []).find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
        // Traffic arriving on a NodePort is SNATed to the node (externalTrafficPolicy: Cluster).
        if (sp) return this.toEndpoint(s, sp.name ?? '', 'pod' in from ? source : '10.244.1.1');
      }
      return { ok: false, error: 'refused', delayMs: 0 };
    }
    if (ip.startsWith(POD_SUBNET_PREFIX)) return { ok: false, error: 'unreachable', delayMs: ARP_TIMEOUT_MS };
    return { ok: false, error: 'timeout', delayMs: SYN_TIMEOUT_MS };
  }

  /** Open a TCP connection; the listener gets the server side (raw TCP, or HTTP parsed for it). */
  connect(from: Origin, ip: string, port: number): Pending<ConnectResult> {
    const pending = new Pending<ConnectResult>();
    const d = this.dial(from, ip, port);
    if (!d.ok) {
      this.later(d.delayMs, () => pending.finish({ ok: false, error: d.error }));
      return pending;
    }
    const [client, server] = socketPair(`${d.source}:${this.nextEphemeral++}`, `${d.ip}:${d.port}`);
    this.traceTraffic(from, d, 'TCP', '');
    if (d.listener.onConnect) d.listener.onConnect(server);
    else if (d.listener.handleHttp) bridgeHttp(server, d.listener.handleHttp);
    pending.finish({ ok: true, socket: client, ip: d.ip });
    return pending;
  }

  /** One HTTP request/response; `timeoutMs` bounds the whole exchange (wget -T, curl -m). */
  http(from: Origin, ip: string, port: number, req: Omit<HttpRequest, 'remoteAddr'>, timeoutMs = Infinity): Pending<HttpResult> {
    const pending = new Pending<HttpResult>();
    if (timeoutMs < Infinity) this.clock.after(timeoutMs, () => pending.finish({ ok: false, error: 'deadline' }));
    const d = this.dial(from, ip, port);
    if (!d.ok) {
      if (d.delayMs < timeoutMs) this.later(d.delayMs, () => pending.finish({ ok: false, error: d.error }));
      return pending;
    }
    if (d.listener.handleHttp) {
      const response = d.listener.handleHttp({ ...req, remoteAddr: d.source });
      this.traceTraffic(from, d, req.method, req.path, response.status);
      pending.finish({ ok: true, response, ip: d.ip });
      return pending;
    }
    // A raw TCP server (nc -l): send the request bytes and parse whatever comes back before EOF.
    const [client, server] = socketPair(`${d.source}:${this.nextEphemeral++}`, `${d.ip}:${d.port}`);
    d.listener.onConnect?.(server);
    this.traceTraffic(from, d, req.method, req.path);
    exchangeOverTcp(client, req, (r) => pending.finish(r ? { ok: true, response: r, ip: d.ip } : { ok: false, error: 'empty' }));
    return pending;
  }

  /** A request that reached a listener, into the trace (the pod diagram animates it along its edge). */
  private traceTraffic(from: Origin, d: Dialed & { ok: true }, method: string, path: string, status?: number): void {
    if (!this.trace?.wantsBulk) return;
    const src = 'pod' in from ? this.pods.get(from.pod.ip) : undefined;
    const fromEp: TraceEndpoint = src ? { pod: src.name, namespace: src.namespace, container: this.currentContainer?.() } : { host: 'pod' in from ? 'node' : from.host };
    const dst = this.pods.get(d.target.ip);
    const toEp: TraceEndpoint = dst ? { pod: dst.name, namespace: dst.namespace, container: d.listener.process.host.containerName } : { host: 'node' };
    this.trace.record({ t: this.clock.now(), kind: 'http', from: fromEp, to: toEp, ...(d.service ? { service: d.service } : {}), port: d.port, method, path, ...(status !== undefined ? { status } : {}) });
  }

  private later(ms: number, fn: () => void): void {
    if (ms <= 0) fn();
    else this.clock.after(ms, fn);
  }

  private toNamespace(net: NetNamespace, ip: string, port: number, source: string): Dialed {
    const l = net.listener(port);
    return l ? { ok: true, listener: l, target: net, ip, port, source } : { ok: false, error: 'refused', delayMs: 0 };
  }

  private serviceByIP(ip: string): Service | undefined {
    for (const s of this.store.list('Service') as Service[]) if (s.spec?.clusterIP === ip) return s;
    return undefined;
  }

  /** kube-proxy: the Service port's ready endpoints, in turn. */
  private toEndpoint(svc: Service, portName: string, source: string): Dialed {
    const ep = this.store.peek('Endpoints', svc.metadata!.namespace, svc.metadata!.name!) as Endpoints | undefined;
    const backends: Array<{ ip: string; port: number }> = [];
    for (const ss of ep?.subsets ?? []) {
      const p = (ss.ports ?? []).find((x) => (x.name ?? '') === portName);
      if (!p) continue;
      for (const a of ss.addresses ?? []) backends.push({ ip: a.ip, port: p.port });
    }
    if (!backends.length) return { ok: false, error: 'refused', delayMs: 0 };
    const key = `${svc.metadata!.namespace}/${svc.metadata!.name}:${portName}`;
    const i = this.rr.get(key) ?? 0;
    this.rr.set(key, i + 1);
    const b = backends[i % backends.length];
    const pod = this.pods.get(b.ip);
    // An endpoint whose pod is gone but not yet removed from Endpoints: the DNAT goes nowhere.
    if (!pod) return { ok: false, error: 'unreachable', delayMs: ARP_TIMEOUT_MS };
    const d = this.toNamespace(pod.net, b.ip, b.port, source);
    return d.ok ? { ...d, service: svc.metadata!.name } : d;
  }
}
