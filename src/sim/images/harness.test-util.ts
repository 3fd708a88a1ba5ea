/**
 * Shared by the image tests only (nothing in the engine imports it): a cluster at a fixed seed and
 * start, and short ways to reach a pod's container logs and run exec in it.
 */
import { Cluster } from '../cluster';
import type { KubeObject } from '../api/types';

export const START = Date.UTC(2025, 0, 15, 10);

export function cluster(): Cluster {
  return new Cluster({ seed: 1, start: START });
}

export function pod(name: string, containers: Record<string, unknown>[], extra: Record<string, unknown> = {}, labels: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers, ...extra } };
}

export function service(name: string, selector: Record<string, string>, port: number, targetPort = port): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector, ports: [{ port, targetPort }] } };
}

export function instance(c: Cluster, podName: string, container: string): string {
  const uid = c.store.get('Pod', 'default', podName)!.metadata!.uid!;
  return c.kubelet.workers.get(uid)!.instancesOf(container).at(-1)!;
}

export function logs(c: Cluster, podName: string, container: string): string[] {
  return c.kubelet.runtime.containerLogs(instance(c, podName, container)).map((l) => l.line);
}

export interface ExecOut {
  code: number;
  out: string;
  err: string;
}

export function exec(c: Cluster, podName: string, container: string, argv: string[]): ExecOut {
  let res: ExecOut | undefined;
  c.kubelet.runtime.exec(instance(c, podName, container), argv, 60_000, (r) => {
    res = 'timedOut' in r ? { code: -1, out: '', err: 'timed out' } : { code: r.exitCode, out: r.stdout, err: r.stderr };
  });
  c.runUntil(() => !!res, c.now() + 70_000);
  return res!;
}
