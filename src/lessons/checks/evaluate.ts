/**
 * Evaluating one check against the live simulated cluster. Runs where the cluster lives: in the
 * engine's Web Worker in the browser, in-process for `podlab lessons check`.
 *
 * Most checks only read state (objects, container statuses, log lines, files, events) and change
 * nothing. Two kinds act, as a grader on a real cluster would: `exec` starts a process in the
 * container and `http` sends a request (it appears in the server's access log with the user agent
 * `podlab-check`). Both take a little virtual time; the session runs them sparingly.
 */
import type { Cluster } from '../../sim/cluster';
import type { Pod, ContainerStatus, KubeObject } from '../../sim/api/types';
import { summarizePod } from '../../sim/kubectl/printers/pods';
import { NODE_IP } from '../../sim/net/addr';
import type { CheckSpec, TextMatch } from '../types';
import { runKubectl } from './kubectl-check';

export interface CheckResult {
  passed: boolean;
  /** What was observed, said plainly (shown under a pending check). */
  detail?: string;
}

export interface EvalContext {
  /** Command lines the learner ran in the terminal, oldest first. */
  history: readonly string[];
}

/** Checks that act on the cluster (start a process, send a request) rather than only read it. */
export function isEffectful(c: CheckSpec): boolean {
  return c.kind === 'exec' || c.kind === 'http';
}

const EXEC_TIMEOUT_MS = 5000;
const HTTP_TIMEOUT_MS = 5000;

export function matchText(text: string, m: TextMatch): boolean {
  if (m.equals !== undefined) return text.replace(/\n+$/, '') === m.equals.replace(/\n+$/, '');
  if (m.matches !== undefined) return new RegExp(m.matches, 'm').test(text);
  if (m.contains !== undefined) return text.includes(m.contains);
  return true;
}

function hasText(m: TextMatch): boolean {
  return m.equals !== undefined || m.matches !== undefined || m.contains !== undefined;
}

/** Short excerpt of observed text for a detail line. */
function excerpt(text: string): string {
  const t = text.replace(/\s+$/, '');
  if (!t) return 'nothing';
  const lines = t.split('\n');
  const last = lines.slice(-2).join(' ⏎ ');
  return `“${last.length > 120 ? '…' + last.slice(-120) : last}”${lines.length > 2 ? ` (last of ${lines.length} lines)` : ''}`;
}

export function findPod(cluster: Cluster, ns: string | undefined, name: string): Pod | undefined {
  return cluster.store.peek('Pod', ns ?? 'default', name) as Pod | undefined;
}

function statusOf(pod: Pod, container: string): ContainerStatus | undefined {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s) => s.name === container);
}

function containerNames(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name);
}

/** The runtime id of a container's current (or previous) instance. */
function instance(cluster: Cluster, pod: Pod, container: string, previous = false): string | undefined {
  const ids = cluster.kubelet.containerLogIds(pod, container);
  return previous ? ids[ids.length - 2] : ids[ids.length - 1];
}

const noPod = (name: string): CheckResult => ({ passed: false, detail: `there is no pod ${name}` });

export function evaluateCheck(cluster: Cluster, c: CheckSpec, ctx: EvalContext): CheckResult {
  switch (c.kind) {
    case 'pod': {
      const pod = findPod(cluster, c.namespace, c.pod);
      if (!pod) return noPod(c.pod);
      const s = summarizePod(pod);
      const seen = `STATUS ${s.reason}, READY ${s.ready}/${s.total}, RESTARTS ${s.restarts}, phase ${pod.status?.phase ?? 'unknown'}`;
      const ok = (c.phase === undefined || pod.status?.phase === c.phase) && (c.status === undefined || s.reason === c.status) && (c.ready === undefined || `${s.ready}/${s.total}` === c.ready) && (c.restartsAtLeast === undefined || s.restarts >= c.restartsAtLeast);
      return { passed: ok, detail: seen };
    }
    case 'container': {
      const pod = findPod(cluster, c.namespace, c.pod);
      if (!pod) return noPod(c.pod);
      if (!containerNames(pod).includes(c.container)) return { passed: false, detail: `pod ${c.pod} has no container ${c.container}` };
      const st = statusOf(pod, c.container)?.state;
      const state = st?.running ? 'running' : st?.terminated ? 'terminated' : st?.waiting ? 'waiting' : undefined;
      const reason = st?.waiting?.reason ?? st?.terminated?.reason;
      const exit = st?.terminated?.exitCode;
      const seen = state ? `${state}${reason ? ` (${reason}${exit !== undefined ? `, exit code ${exit}` : ''})` : ''}` : 'no status yet';
      const ok = state === c.state && (c.reason === undefined || reason === c.reason) && (c.exitCode === undefined || exit === c.exitCode);
      return { passed: ok, detail: `it is ${seen}` };
    }
    case 'log': {
      const pod = findPod(cluster, c.namespace, c.pod);
      if (!pod) return noPod(c.pod);
      const id = instance(cluster, pod, c.container, c.previous);
      if (!id) return { passed: false, detail: c.previous ? 'there is no previous instance yet' : 'the container has not started yet' };
      const text = cluster.kubelet.runtime.containerLogs(id).map((l) => l.line + '\n').join('');
      return { passed: matchText(text, c), detail: `the log shows ${excerpt(text)}` };
    }
    case 'exec':
      return execCheck(cluster, c);
    case 'http':
      return httpCheck(cluster, c);
    case 'file': {
      const pod = findPod(cluster, c.namespace, c.pod);
      if (!pod) return noPod(c.pod);
      let container = c.container ?? pod.spec?.containers?.[0]?.name ?? '';
      let path = c.path;
      if (c.volume) {
        const user = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => (x.volumeMounts ?? []).some((m) => m.name === c.volume && !m.subPath));
        const mount = user?.volumeMounts?.find((m) => m.name === c.volume);
        if (!user || !mount) return { passed: false, detail: `no container of pod ${c.pod} mounts volume ${c.volume}` };
        container = user.name;
        path = `${mount.mountPath.replace(/\/+$/, '')}/${c.path.replace(/^\/+/, '')}`;
      }
      const id = instance(cluster, pod, container);
      if (!id) return { passed: false, detail: `container ${container} has not started yet` };
      const r = cluster.kubelet.runtime.readContainerFile(id, path);
      if ('error' in r) {
        const missing = r.error === 'ENOENT' || r.error === 'ENOTDIR';
        return { passed: c.exists === false && missing, detail: missing ? `${path} does not exist` : `${path} cannot be read (${r.error})` };
      }
      if (c.exists === false) return { passed: false, detail: `${path} exists` };
      return { passed: matchText(r.data, c), detail: `it holds ${excerpt(r.data)}` };
    }
    case 'event': {
      const events = cluster.store.list('Event', c.namespace ?? 'default') as Array<KubeObject & { reason?: string; message?: string; involvedObject?: { kind?: string; name?: string } }>;
      const [kind, name] = c.object?.includes('/') ? c.object.split('/', 2) : [undefined, c.object];
      const re = c.message ? new RegExp(c.message, 'm') : undefined;
      const hit = events.some((e) => e.reason === c.reason && (!name || e.involvedObject?.name === name) && (!kind || e.involvedObject?.kind?.toLowerCase() === kind.toLowerCase()) && (!re || re.test(e.message ?? '')));
      const same = events.filter((e) => e.reason === c.reason).length;
      return { passed: hit, detail: hit ? undefined : same ? `${same} ${c.reason} event(s), none matching` : `no ${c.reason} event yet` };
    }
    case 'kubectl': {
      const r = runKubectl(cluster, c.command);
      return { passed: r.ok && matchText(r.output, c), detail: r.ok ? `it prints ${excerpt(r.output)}` : r.output };
    }
    case 'object': {
      const o = cluster.store.peek(c.resource, c.resource === 'Namespace' ? undefined : (c.namespace ?? 'default'), c.name);
      return { passed: !!o === c.exists, detail: o ? `${c.resource} ${c.name} exists` : `there is no ${c.resource} ${c.name}` };
    }
    case 'ran': {
      const hit = ctx.history.some((line) => ranMatches(line, c));
      return { passed: hit, detail: hit ? undefined : 'not run yet' };
    }
  }
}

/** `k  get   pods` → `kubectl get pods`; each part of a `&&`/`||`/`;`/`|` chain is a command. */
export function commandsOf(line: string): string[] {
  return line
    .split(/&&|\|\||;|\|/)
    .map((s) => s.trim().replace(/\s+/g, ' ').replace(/^k(?= |$)/, 'kubectl'))
    .filter(Boolean);
}

export function ranMatches(line: string, c: { command?: string; matches?: string }): boolean {
  if (c.matches !== undefined) return new RegExp(c.matches, 'm').test(line);
  const want = commandsOf(c.command ?? '')[0] ?? '';
  return commandsOf(line).some((cmd) => cmd === want || cmd.startsWith(want + ' '));
}

function execCheck(cluster: Cluster, c: Extract<CheckSpec, { kind: 'exec' }>): CheckResult {
  const pod = findPod(cluster, c.namespace, c.pod);
  if (!pod) return noPod(c.pod);
  const container = c.container ?? pod.spec?.containers?.[0]?.name ?? '';
  if (!containerNames(pod).includes(container)) return { passed: false, detail: `pod ${c.pod} has no container ${container}` };
  if (!statusOf(pod, container)?.state?.running) return { passed: false, detail: `container ${container} is not running` };
  const id = instance(cluster, pod, container);
  if (!id) return { passed: false, detail: `container ${container} has not started yet` };
  let result: { exitCode: number; stdout: string; stderr: string } | { timedOut: true } | undefined;
  cluster.kubelet.runtime.exec(id, c.command, EXEC_TIMEOUT_MS, (r) => (result = r));
  cluster.runUntil(() => result !== undefined, cluster.now() + EXEC_TIMEOUT_MS + 1);
  if (!result) return { passed: false, detail: 'the command did not finish' };
  if ('timedOut' in result) return { passed: false, detail: `the command did not finish within ${EXEC_TIMEOUT_MS / 1000} seconds` };
  const out = result.stdout + result.stderr;
  const ok = (c.exitCode === undefined || result.exitCode === c.exitCode) && (!hasText(c) || matchText(out, c));
  return { passed: ok, detail: `it printed ${excerpt(out)}${result.exitCode ? ` and exited with ${result.exitCode}` : ''}` };
}

function httpCheck(cluster: Cluster, c: Extract<CheckSpec, { kind: 'http' }>): CheckResult {
  let ip: string | undefined;
  let port: number | undefined;
  if (c.pod) {
    const pod = findPod(cluster, c.namespace, c.pod);
    if (!pod) return noPod(c.pod);
    ip = pod.status?.podIP;
    port = c.port;
    if (!ip) return { passed: false, detail: `pod ${c.pod} has no IP yet` };
  } else {
    const svc = cluster.store.peek('Service', c.namespace ?? 'default', c.service!) as (KubeObject & { spec?: { clusterIP?: string; ports?: Array<{ port: number; nodePort?: number }> } }) | undefined;
    if (!svc) return { passed: false, detail: `there is no Service ${c.service}` };
    const sp = (svc.spec?.ports ?? []).find((p) => c.port === undefined || p.port === c.port);
    if (!sp) return { passed: false, detail: `Service ${c.service} has no port ${c.port}` };
    if (c.nodePort) {
      if (!sp.nodePort) return { passed: false, detail: `Service ${c.service} has no NodePort (is its type NodePort?)` };
      ip = NODE_IP;
      port = sp.nodePort;
    } else {
      ip = svc.spec?.clusterIP;
      port = sp.port;
    }
  }
  const path = c.path ?? '/';
  const pending = cluster.network.http({ host: 'node' }, ip!, port!, { method: 'GET', path, headers: { Host: `${ip}:${port}`, 'User-Agent': 'podlab-check', Accept: '*/*' } }, HTTP_TIMEOUT_MS);
  cluster.runUntil(() => pending.done, cluster.now() + HTTP_TIMEOUT_MS + 1);
  const r = pending.result;
  if (!r) return { passed: false, detail: 'no answer' };
  if (!r.ok) {
    const why = { refused: 'the connection was refused', unreachable: 'no route to the host', timeout: 'the connection timed out', empty: 'the server closed the connection without answering', deadline: `no answer within ${HTTP_TIMEOUT_MS / 1000} seconds` }[r.error];
    return { passed: false, detail: why };
  }
  const ok = (c.status === undefined || r.response.status === c.status) && (!hasText(c) || matchText(r.response.body, c));
  return { passed: ok, detail: `it answered ${r.response.status} with ${excerpt(r.response.body)}` };
}
