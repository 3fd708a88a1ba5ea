import { describe, expect, it } from 'vitest';
import { TimelineModel, describeState, segmentAt } from './timeline-model';
import { CRASHER, START, TWO_CONTAINERS, world } from './test-world.test-util';

describe('TimelineModel', () => {
  it('folds a pod with an init container, a native sidecar and two app containers into rows', () => {
    const w = world();
    w.run(TWO_CONTAINERS);
    w.run('sleep 30');
    const m = new TimelineModel();
    m.add(w.cluster.trace.entries);
    expect(m.pods.map((p) => p.name)).toEqual(['mc1']);
    const pod = m.pods[0];
    expect(pod.containers.map((c) => [c.name, c.role])).toEqual([
      ['setup', 'init'],
      ['logger', 'sidecar'],
      ['web', 'app'],
      ['writer', 'app'],
    ]);
    const setup = pod.containers[0];
    expect(setup.segments.map(describeState)).toEqual(['Waiting (PodInitializing)', expect.stringMatching(/^Running/), 'Terminated (Completed, exit code 0)']);
    const web = pod.containers[2];
    const firstRunning = web.segments.find((s) => s.state === 'running-ready')!;
    expect(firstRunning).toBeDefined();
    // Before the init container finished, web was waiting with PodInitializing.
    expect(web.segments[0]).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    const setupDone = setup.segments.find((s) => s.state === 'terminated')!.start;
    expect(firstRunning.start).toBeGreaterThanOrEqual(setupDone);
    expect(segmentAt(web.segments, setupDone - 1)?.state).toBe('waiting');
    expect(segmentAt(web.segments, START + 30_000)?.state).toBe('running-ready');
    expect(segmentAt(pod.segments, START + 30_000)).toMatchObject({ phase: 'Running', ready: true });
    // Events land on the pod or on the container their fieldPath names (Pulled, Created, Started).
    expect(web.markers.map((x) => x.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Normal Started from kubelet: Started container web$/)]));
    expect(pod.markers.map((x) => x.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Normal Scheduled from default-scheduler: Successfully assigned default\/mc1 to node01$/)]));
    expect(m.changes.some((c) => c.text === 'Pod mc1, sidecar container logger: Running, ready')).toBe(true);
  });

  it('marks restarts and shows Terminated with the exit code, then CrashLoopBackOff', () => {
    const w = world();
    w.run(CRASHER);
    w.run('sleep 60');
    const m = new TimelineModel();
    // Folding in two batches gives the same rows as one.
    const entries = w.cluster.trace.entries;
    m.add(entries.slice(0, 40));
    m.add(entries.slice(40));
    const app = m.pods[0].containers[0];
    expect(app.segments.map(describeState)).toEqual(expect.arrayContaining(['Terminated (Error, exit code 3)', 'Waiting (CrashLoopBackOff)']));
    const restarts = app.markers.filter((x) => x.kind === 'restart');
    expect(restarts.length).toBeGreaterThanOrEqual(2);
    expect(restarts[0].text).toBe('Restarted (restart count 1)');
    expect(app.markers.some((x) => x.warning && /Warning BackOff .*Back-off restarting failed container app/.test(x.text))).toBe(true);
  });

  it('ends a row when the pod is deleted and starts a new one for a pod recreated with the same name', () => {
    const w = world();
    w.run(CRASHER);
    w.run('sleep 5');
    w.run('kubectl delete pod crash --grace-period=0 --force');
    w.run('sleep 2');
    w.run(CRASHER);
    w.run('sleep 5');
    const m = new TimelineModel();
    m.add(w.cluster.trace.entries);
    expect(m.pods.map((p) => p.name)).toEqual(['crash', 'crash']);
    expect(m.pods[0].deleted).toBeDefined();
    expect(m.pods[1].deleted).toBeUndefined();
    expect(m.pods[1].created).toBeGreaterThan(m.pods[0].deleted!);
  });

  it('puts failed probes on the container row', () => {
    const w = world();
    w.run(
      `cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: probed\nspec:\n  containers:\n  - name: web\n    image: nginx\n    readinessProbe:\n      httpGet:\n        path: /missing\n        port: 80\n      periodSeconds: 5\nEOF`,
    );
    w.run('sleep 40');
    const m = new TimelineModel();
    m.add(w.cluster.trace.entries);
    const web = m.pods[0].containers[0];
    const probes = web.markers.filter((x) => x.kind === 'probe');
    expect(probes.length).toBeGreaterThanOrEqual(3);
    expect(probes[0].text).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404');
    expect(segmentAt(web.segments, START + 40_000)?.state).toBe('running');
  });
});
