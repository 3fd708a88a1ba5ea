/**
 * `kubectl get` / `kubectl events` output compared byte for byte with the real kubectl v1.32
 * (goldens recorded by scripts/kubectl-reference/record.mjs).
 *
 * For `get`, kubectl prints a Table computed by the API server; the recorder's stub server built
 * those cells with these printers, so these goldens pin kubectl's layout (tabwriter widths,
 * header, -o wide / --show-labels / -A / watch handling). `kubectl events` is computed entirely
 * by kubectl, so that golden pins the cells too.
 */
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../../tests/golden/kubectl/golden.ts';
import { printConfigMaps } from './configmaps.ts';
import { printEvents, printEventsCommand } from './events.ts';
import { printNamespaces } from './namespaces.ts';
import { printNodes } from './nodes.ts';
import { PodWatchPrinter, printPods } from './pods.ts';
import { printSecrets } from './secrets.ts';
import { printEndpointsTable, printServices } from './services.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = any;

describe('get tables match kubectl v1.32', () => {
  const cases: [string, (o: Record<string, Obj[]>, now: number) => string][] = [
    ['get-pods', (o, now) => printPods(o.pods, now)],
    ['get-pods-wide', (o, now) => printPods(o.pods, now, { wide: true })],
    ['get-pods-show-labels', (o, now) => printPods(o.pods, now, { showLabels: true })],
    ['get-pods-all-namespaces', (o, now) => printPods(o.pods, now, { withNamespace: true })],
    ['get-pod-nginx', (o, now) => printPods(o.pods.filter((p) => p.metadata.name === 'nginx'), now)],
    ['get-svc', (o, now) => printServices(o.services, now)],
    ['get-svc-wide', (o, now) => printServices(o.services, now, { wide: true })],
    ['get-endpoints', (o, now) => printEndpointsTable(o.endpoints, now)],
    ['get-events', (o, now) => printEvents(o.events, now)],
    ['get-events-wide', (o, now) => printEvents(o.events, now, { wide: true })],
    ['get-configmaps', (o, now) => printConfigMaps(o.configmaps, now)],
    ['get-secrets', (o, now) => printSecrets(o.secrets, now)],
    ['get-namespaces', (o, now) => printNamespaces(o.namespaces, now)],
    ['get-nodes', (o, now) => printNodes(o.nodes, now)],
    ['get-nodes-wide', (o, now) => printNodes(o.nodes, now, { wide: true })],
  ];
  for (const [name, print] of cases) {
    it(name, () => {
      const g = loadGolden(name);
      expect(print(g.objects, g.now)).toBe(g.text);
    });
  }
});

describe('kubectl events matches kubectl v1.32 (client-side cells)', () => {
  it('events', () => {
    const g = loadGolden('events');
    expect(printEventsCommand(g.objects.events, g.now)).toBe(g.text);
  });
  it('events --for pod/crash', () => {
    const g = loadGolden('events-for-pod-crash');
    const evs = g.objects.events.filter((e: Obj) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === 'crash');
    expect(printEventsCommand(evs, g.now)).toBe(g.text);
  });
});

/** The watch script of record.mjs, rebuilt from the same fixtures. */
function watchScript(o: Record<string, Obj[]>, nowIso: string) {
  const clone = (x: Obj) => JSON.parse(JSON.stringify(x));
  const base = o.pods.find((p) => p.metadata.name === 'nginx');
  const created = nowIso;
  const fresh = clone(base);
  fresh.metadata.name = 'web-frontend-5d9c7';
  fresh.metadata.uid = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
  fresh.metadata.creationTimestamp = created;
  const pending = clone(fresh);
  delete pending.spec.nodeName;
  pending.status = { phase: 'Pending', qosClass: 'BestEffort' };
  const scheduled = clone(pending);
  scheduled.spec.nodeName = 'node01';
  scheduled.status.conditions = [{ lastProbeTime: null, lastTransitionTime: created, status: 'True', type: 'PodScheduled' }];
  const creating = clone(scheduled);
  creating.status.containerStatuses = [
    { image: 'nginx', imageID: '', lastState: {}, name: 'nginx', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } },
  ];
  const running = clone(fresh);
  const deleting = clone(base);
  deleting.metadata.deletionTimestamp = new Date(Date.parse(nowIso) + 30000).toISOString().replace('.000Z', 'Z');
  const stopped = clone(deleting);
  stopped.status.containerStatuses[0].ready = false;
  stopped.status.containerStatuses[0].state = { terminated: { exitCode: 0, reason: 'Completed' } };
  return [
    ['ADDED', pending],
    ['MODIFIED', scheduled],
    ['MODIFIED', creating],
    ['MODIFIED', running],
    ['MODIFIED', deleting],
    ['MODIFIED', stopped],
    ['DELETED', stopped],
  ] as const;
}

describe('get pods -w matches kubectl v1.32 (RememberWidths raggedness)', () => {
  for (const [name, outputWatchEvents] of [
    ['get-pods-watch', false],
    ['get-pods-watch-events', true],
  ] as const) {
    it(name, () => {
      const g = loadGolden(name);
      const nowIso = new Date(g.now - 500).toISOString().replace('.000Z', 'Z');
      const p = new PodWatchPrinter({ outputWatchEvents });
      let out = p.printInitial(g.objects.pods.filter((x: Obj) => x.metadata.name === 'nginx'), g.now);
      for (const [type, pod] of watchScript(g.objects, nowIso)) out += p.printEvent(type, pod, g.now);
      expect(out).toBe(g.text);
    });
  }
});
