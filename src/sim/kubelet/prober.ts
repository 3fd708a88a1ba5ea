/**
 * Probe workers (pkg/kubelet/prober): one per container instance and probe type. The first probe
 * runs after initialDelaySeconds, then every periodSeconds; failureThreshold consecutive failures
 * flip the result to Failure, successThreshold successes flip it back. Every failed attempt emits
 * an Unhealthy event. Liveness and readiness wait until the startup probe has succeeded.
 */
import type { VirtualClock } from '../clock/clock';
import type { Probe } from '../api/types';
import type { RuntimeService } from '../runtime/cri';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export type ProbeOutcome = { ok: true } | { ok: false; message: string };

export interface ProbeTarget {
  containerId: string;
  podIP: string;
  probe: Probe;
  type: ProbeType;
  /** Gate for liveness/readiness: true once startup succeeded. */
  gated: () => boolean;
  onAttemptFailed: (message: string) => void;
  onResult: (success: boolean) => void;
  /** Every attempt's outcome, for the trace. */
  onOutcome?: (ok: boolean, message?: string) => void;
}

const LABEL: Record<ProbeType, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export class ProbeWorker {
  private timer?: number;
  private stopped = false;
  private failures = 0;
  private successes = 0;
  private result: boolean | undefined;

  constructor(
    private readonly clock: VirtualClock,
    private readonly runtime: RuntimeService,
    private readonly t: ProbeTarget,
  ) {
    const delay = (t.probe.initialDelaySeconds ?? 0) * 1000;
    this.timer = clock.after(delay, () => this.tick());
  }

  stop(): void {
    this.stopped = true;
    this.clock.cancel(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = this.clock.after((this.t.probe.periodSeconds ?? 10) * 1000, () => this.tick());
  }

  private tick(): void {
    if (this.stopped) return;
    if (!this.t.gated()) {
      this.schedule();
      return;
    }
    this.run((o) => {
      if (this.stopped) return;
      this.t.onOutcome?.(o.ok, o.ok ? undefined : o.message);
      if (o.ok) {
        this.failures = 0;
        this.successes++;
        if (this.successes >= (this.t.probe.successThreshold ?? 1) && this.result !== true) {
          this.result = true;
          this.t.onResult(true);
        }
      } else {
        this.successes = 0;
        this.failures++;
        this.t.onAttemptFailed(`${LABEL[this.t.type]} probe failed: ${o.message}`);
        if (this.failures >= (this.t.probe.failureThreshold ?? 3) && this.result !== false) {
          this.result = false;
          this.t.onResult(false);
          // A failed liveness/startup probe ends this instance; its worker stops with it.
          if (this.t.type !== 'readiness') {
            this.stop();
            return;
          }
        }
      }
      this.schedule();
    });
  }

  private run(done: (o: ProbeOutcome) => void): void {
    const p = this.t.probe;
    const timeoutMs = (p.timeoutSeconds ?? 1) * 1000;
    if (p.exec) {
      const cmd = p.exec.command ?? [];
      this.runtime.exec(this.t.containerId, cmd, timeoutMs, (r) => {
        if ('timedOut' in r) done({ ok: false, message: `command ${JSON.stringify(cmd.join(' '))} timed out` });
        else if (r.exitCode === 0) done({ ok: true });
        else done({ ok: false, message: (r.stdout + r.stderr).replace(/\n$/, '') });
      });
      return;
    }
    if (p.httpGet) {
      const port = typeof p.httpGet.port === 'number' ? p.httpGet.port : Number(p.httpGet.port);
      const host = p.httpGet.host || this.t.podIP;
      const path = p.httpGet.path || '/';
      const r = this.runtime.httpGet(host, port, path, { 'user-agent': 'kube-probe/1.32' });
      this.clock.after(1, () => {
        if ('error' in r) done({ ok: false, message: r.error.startsWith('Get ') ? r.error : `Get "${(p.httpGet!.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}": ${r.error}` });
        else if (r.status >= 200 && r.status < 400) done({ ok: true });
        else done({ ok: false, message: `HTTP probe failed with statuscode: ${r.status}` });
      });
      return;
    }
    if (p.tcpSocket) {
      const port = typeof p.tcpSocket.port === 'number' ? p.tcpSocket.port : Number(p.tcpSocket.port);
      const host = p.tcpSocket.host || this.t.podIP;
      const ok = this.runtime.tcpConnect(host, port);
      this.clock.after(1, () => done(ok ? { ok: true } : { ok: false, message: `dial tcp ${host}:${port}: connect: connection refused` }));
      return;
    }
    this.clock.after(0, () => done({ ok: true }));
  }
}
