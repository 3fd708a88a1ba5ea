// Every check kind against a live simulated cluster: passes when the cluster shows it, fails with
// a detail saying what it shows instead, and renders its own sentence.
import { beforeAll, describe, expect, it } from 'vitest';
import { Cluster, DEFAULT_START } from '../../sim/cluster';
import { Workstation } from '../../sim/workstation/workstation';
import { HomeFiles } from '../../sim/workstation/files';
import { driveHeadless } from '../../sim/workstation/driver';
import type { CheckSpec } from '../types';
import { evaluateCheck, ranMatches } from './evaluate';
import { describeCheck } from './describe';
import { CheckSession } from './session';
import { observe } from './observe';

const MANIFESTS = `apiVersion: v1
kind: Pod
metadata:
  name: duo
  labels: {app: duo}
spec:
  volumes:
  - name: data
    emptyDir: {}
  containers:
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "echo hello > /data/msg; echo started; sleep 3600"]
    volumeMounts:
    - {name: data, mountPath: /data}
  - name: web
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo boom; exit 3"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector: {app: duo}
  ports:
  - port: 8080
    targetPort: 80
`;

let cluster: Cluster;
const history = ['k get pods', 'kubectl logs duo -c writer | head -1'];
const ev = (c: CheckSpec) => evaluateCheck(cluster, c, { history });

beforeAll(() => {
  cluster = new Cluster({ seed: 1, start: DEFAULT_START, traceLogs: false });
  const files = new HomeFiles();
  files.write('all.yaml', MANIFESTS);
  const ws = new Workstation(cluster, files, { out: () => {}, err: () => {} });
  expect(driveHeadless(ws.run('kubectl apply -f all.yaml'), cluster)).toBe(0);
  cluster.advance(40_000);
});

describe('check kinds', () => {
  it('pod: phase, STATUS, READY, RESTARTS at least', () => {
    expect(ev({ kind: 'pod', pod: 'duo', phase: 'Running', status: 'Running', ready: '2/2' })).toMatchObject({ passed: true });
    expect(ev({ kind: 'pod', pod: 'crash', status: 'CrashLoopBackOff', restartsAtLeast: 2 }).passed).toBe(true);
    expect(ev({ kind: 'pod', pod: 'crash', restartsAtLeast: 50 })).toMatchObject({ passed: false, detail: expect.stringMatching(/^STATUS CrashLoopBackOff, READY 0\/1, RESTARTS \d+, phase Running$/) });
    expect(ev({ kind: 'pod', pod: 'nope', status: 'Running' })).toEqual({ passed: false, detail: 'there is no pod nope' });
    expect(describeCheck({ kind: 'pod', pod: 'duo', status: 'Running', ready: '2/2' })).toBe('`kubectl get pod duo` shows STATUS Running and READY 2/2');
    expect(describeCheck({ kind: 'pod', pod: 'duo', phase: 'Succeeded' })).toBe('Pod `duo` is in phase Succeeded');
    expect(describeCheck({ kind: 'pod', pod: 'crash', restartsAtLeast: 1 })).toBe('`kubectl get pod crash` shows RESTARTS of at least 1');
  });

  it('container: state, waiting reason, exit code', () => {
    expect(ev({ kind: 'container', pod: 'duo', container: 'web', state: 'running' }).passed).toBe(true);
    expect(ev({ kind: 'container', pod: 'crash', container: 'app', state: 'waiting', reason: 'CrashLoopBackOff' }).passed).toBe(true);
    expect(ev({ kind: 'container', pod: 'crash', container: 'app', state: 'terminated', exitCode: 3 })).toMatchObject({ passed: false, detail: 'it is waiting (CrashLoopBackOff)' });
    expect(ev({ kind: 'container', pod: 'duo', container: 'nope', state: 'running' })).toEqual({ passed: false, detail: 'pod duo has no container nope' });
    expect(describeCheck({ kind: 'container', pod: 'crash', container: 'app', state: 'waiting', reason: 'CrashLoopBackOff' })).toBe('Container `app` of pod `crash` is waiting with reason CrashLoopBackOff');
    expect(describeCheck({ kind: 'container', pod: 'p', container: 'c', state: 'terminated', reason: 'Error', exitCode: 1 })).toBe('Container `c` of pod `p` has terminated (reason Error, exit code 1)');
  });

  it('log: contains, matches, equals; current or previous instance', () => {
    expect(ev({ kind: 'log', pod: 'duo', container: 'writer', contains: 'started' }).passed).toBe(true);
    expect(ev({ kind: 'log', pod: 'duo', container: 'writer', equals: 'started' }).passed).toBe(true);
    expect(ev({ kind: 'log', pod: 'duo', container: 'writer', matches: '^sta.+d$' }).passed).toBe(true);
    expect(ev({ kind: 'log', pod: 'duo', container: 'writer', contains: 'hello' })).toEqual({ passed: false, detail: 'the log shows “started”' });
    expect(ev({ kind: 'log', pod: 'crash', container: 'app', previous: true, equals: 'boom' }).passed).toBe(true);
    expect(describeCheck({ kind: 'log', pod: 'crash', container: 'app', previous: true, contains: 'boom' })).toBe('The log of the previous instance of container `app` of pod `crash` contains “boom”');
    expect(describeCheck({ kind: 'log', pod: 'p', container: 'c', matches: 'a+' })).toBe('The log of container `c` of pod `p` contains text matching `/a+/`');
  });

  it('exec: output and exit code of a command in a container', () => {
    expect(ev({ kind: 'exec', pod: 'duo', container: 'writer', command: ['cat', '/data/msg'], equals: 'hello' }).passed).toBe(true);
    expect(ev({ kind: 'exec', pod: 'duo', container: 'writer', command: ['cat', '/nope'], exitCode: 0 })).toMatchObject({ passed: false, detail: "it printed “cat: can't open '/nope': No such file or directory” and exited with 1" });
    expect(ev({ kind: 'exec', pod: 'crash', command: ['true'], exitCode: 0 })).toEqual({ passed: false, detail: 'container app is not running' });
    expect(describeCheck({ kind: 'exec', pod: 'duo', container: 'writer', command: ['sh', '-c', 'echo hi there'], contains: 'hi' })).toBe("Running `sh -c 'echo hi there'` in container `writer` of pod `duo` prints “hi”");
  });

  it('http: pod IP, Service ClusterIP, NodePort', () => {
    expect(ev({ kind: 'http', pod: 'duo', port: 80, status: 200, contains: 'Welcome to nginx' }).passed).toBe(true);
    expect(ev({ kind: 'http', service: 'web', contains: 'Welcome to nginx' }).passed).toBe(true);
    expect(ev({ kind: 'http', service: 'web', nodePort: true, port: 8080, status: 200 }).passed).toBe(true);
    expect(ev({ kind: 'http', pod: 'duo', port: 81 })).toEqual({ passed: false, detail: 'the connection was refused' });
    expect(ev({ kind: 'http', pod: 'duo', port: 80, path: '/missing', status: 200 })).toMatchObject({ passed: false, detail: expect.stringMatching(/^it answered 404 with /) });
    expect(ev({ kind: 'http', service: 'kubernetes', nodePort: true })).toEqual({ passed: false, detail: 'Service kubernetes has no NodePort (is its type NodePort?)' });
    expect(describeCheck({ kind: 'http', service: 'web', nodePort: true, contains: 'Hello' })).toBe('An HTTP GET of `/` from node01 on the NodePort of Service `web` answers with a body with “Hello”');
    expect(describeCheck({ kind: 'http', pod: 'duo', port: 80, status: 200 })).toBe('An HTTP GET of `/` from pod `duo` on port 80 answers with status 200');
  });

  it('http requests show in the server log as podlab-check', () => {
    const ids = cluster.kubelet.containerLogIds(cluster.store.peek('Pod', 'default', 'duo') as never, 'web');
    const lines = cluster.kubelet.runtime.containerLogs(ids[ids.length - 1]).map((l) => l.line);
    expect(lines.some((l) => l.includes('"GET / HTTP/1.1" 200') && l.includes('"podlab-check"'))).toBe(true);
  });

  it('file: in a container path or through a volume, exists or not', () => {
    expect(ev({ kind: 'file', pod: 'duo', container: 'writer', path: '/data/msg', equals: 'hello' }).passed).toBe(true);
    expect(ev({ kind: 'file', pod: 'duo', volume: 'data', path: 'msg', contains: 'hell' }).passed).toBe(true);
    expect(ev({ kind: 'file', pod: 'duo', container: 'web', path: '/data/msg', exists: false }).passed).toBe(true);
    expect(ev({ kind: 'file', pod: 'duo', volume: 'data', path: 'other', contains: 'x' })).toEqual({ passed: false, detail: '/data/other does not exist' });
    expect(ev({ kind: 'file', pod: 'duo', volume: 'nope', path: 'x', contains: 'x' })).toEqual({ passed: false, detail: 'no container of pod duo mounts volume nope' });
    expect(describeCheck({ kind: 'file', pod: 'duo', volume: 'data', path: 'msg', equals: 'hello' })).toBe('File `msg` in volume `data` of pod `duo` holds exactly “hello”');
    expect(describeCheck({ kind: 'file', pod: 'duo', path: '/tmp/x', exists: false })).toBe('File `/tmp/x` in pod `duo` does not exist');
  });

  it('event: reason, object, message', () => {
    expect(ev({ kind: 'event', reason: 'BackOff', object: 'pod/crash', message: 'restarting failed container app' }).passed).toBe(true);
    expect(ev({ kind: 'event', reason: 'BackOff', object: 'duo' })).toEqual({ passed: false, detail: '1 BackOff event(s), none matching' });
    expect(ev({ kind: 'event', reason: 'Killing' })).toEqual({ passed: false, detail: 'no Killing event yet' });
    expect(describeCheck({ kind: 'event', reason: 'BackOff', object: 'pod/crash', message: 'app' })).toBe('An event with reason BackOff was recorded for `pod/crash`, its message matching `/app/`');
  });

  it('kubectl: output of a read-only command; waiting and mutating commands refused', () => {
    expect(ev({ kind: 'kubectl', command: 'get pod duo -o jsonpath={.spec.volumes[0].name}', equals: 'data' }).passed).toBe(true);
    expect(ev({ kind: 'kubectl', command: "get svc web -o jsonpath='{.spec.type}'", equals: 'NodePort' }).passed).toBe(true);
    expect(ev({ kind: 'kubectl', command: 'get pod nope', contains: 'x' })).toEqual({ passed: false, detail: 'Error from server (NotFound): pods "nope" not found' });
    expect(ev({ kind: 'kubectl', command: 'get pods -w', contains: 'x' })).toEqual({ passed: false, detail: 'a check cannot wait or follow (-w, -f)' });
    expect(ev({ kind: 'kubectl', command: 'delete pod duo', contains: 'x' }).passed).toBe(false);
    expect(cluster.store.peek('Pod', 'default', 'duo')).toBeDefined();
    expect(describeCheck({ kind: 'kubectl', command: 'get svc web', contains: 'NodePort' })).toBe('`kubectl get svc web` prints “NodePort”');
  });

  it('object: exists or not', () => {
    expect(ev({ kind: 'object', resource: 'Service', name: 'web', exists: true }).passed).toBe(true);
    expect(ev({ kind: 'object', resource: 'ConfigMap', name: 'nope', exists: false }).passed).toBe(true);
    expect(ev({ kind: 'object', resource: 'Namespace', name: 'kube-system', exists: true }).passed).toBe(true);
    expect(ev({ kind: 'object', resource: 'Pod', name: 'duo', exists: false })).toEqual({ passed: false, detail: 'Pod duo exists' });
    expect(describeCheck({ kind: 'object', resource: 'Pod', name: 'x', exists: false })).toBe('Pod `x` does not exist');
  });

  it('ran: the learner typed a command (alias k, chains and pipes, regex)', () => {
    expect(ev({ kind: 'ran', command: 'kubectl get pods' }).passed).toBe(true);
    expect(ev({ kind: 'ran', command: 'kubectl logs duo' }).passed).toBe(true);
    expect(ev({ kind: 'ran', command: 'head -1' }).passed).toBe(true);
    expect(ev({ kind: 'ran', command: 'kubectl get po' }).passed).toBe(false);
    expect(ev({ kind: 'ran', matches: 'logs .* -c writer' }).passed).toBe(true);
    expect(ranMatches('kubectl   get  pods -A', { command: 'kubectl get pods' })).toBe(true);
    expect(ranMatches('kubectl get podsx', { command: 'kubectl get pods' })).toBe(false);
    expect(describeCheck({ kind: 'ran', command: 'kubectl get pods' })).toBe('You ran `kubectl get pods` in the terminal');
  });

  it('observations for predictions read what kubectl would show', () => {
    expect(observe(cluster, { kind: 'status', pod: 'crash' })).toBe('CrashLoopBackOff');
    expect(observe(cluster, { kind: 'ready', pod: 'duo' })).toBe('2/2');
    expect(observe(cluster, { kind: 'phase', pod: 'duo' })).toBe('Running');
    expect(Number(observe(cluster, { kind: 'restarts', pod: 'crash' }))).toBeGreaterThanOrEqual(2);
    expect(observe(cluster, { kind: 'log-last-line', pod: 'duo', container: 'writer' })).toBe('started');
    expect(observe(cluster, { kind: 'kubectl', command: 'get svc web -o jsonpath={.spec.ports[0].port}' })).toBe('8080');
    expect(observe(cluster, { kind: 'status', pod: 'ghost' })).toBe('(no pod ghost)');
  });
});

describe('CheckSession', () => {
  it('runs exec/http checks only once the read-only checks pass, and reuses their result while nothing changes', () => {
    const c = new Cluster({ seed: 2, start: DEFAULT_START, traceLogs: false });
    const s = new CheckSession(c, () => []);
    const checks: CheckSpec[] = [
      { kind: 'pod', pod: 'later', status: 'Running' },
      { kind: 'exec', pod: 'later', command: ['true'], exitCode: 0 },
    ];
    const a = s.evaluate({ key: 'k', checks });
    expect(a.results[1]).toEqual({ passed: false, detail: 'checked once the other checks of this step pass' });
    const before = c.now();
    s.evaluate({ key: 'k', checks });
    expect(c.now()).toBe(before); // nothing ran, no time moved
  });

  it('orders checks: "before X" counts only if it passed while X had not', () => {
    const history: string[] = [];
    const c = new Cluster({ seed: 3, start: DEFAULT_START, traceLogs: false });
    const s = new CheckSession(c, () => history);
    const checks: CheckSpec[] = [
      { kind: 'ran', id: 'look', command: 'kubectl get pods', before: 'delete' },
      { kind: 'ran', id: 'delete', command: 'kubectl delete pod x' },
    ];
    history.push('kubectl delete pod x');
    s.evaluate({ key: 'a', checks });
    history.push('kubectl get pods');
    const late = s.evaluate({ key: 'a', checks });
    expect(late.results[0]).toEqual({ passed: false, detail: 'it happened, but too late: it had to come first' });

    const s2 = new CheckSession(c, () => history);
    const both = s2.evaluate({ key: 'b', checks });
    // Seen together in one evaluation: neither is known to be first, so the ordering holds.
    expect(both.results.map((r) => r.passed)).toEqual([true, true]);
    expect(describeCheck(checks[0], (id) => checks.find((x) => x.id === id))).toBe('You ran `kubectl get pods` in the terminal, before you ran `kubectl delete pod x` in the terminal');
  });
});
