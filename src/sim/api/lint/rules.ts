/**
 * The lint rules: manifests the API server accepts but that will not do what they seem to. Each
 * rule reads one Pod manifest and reports warnings on field paths; index.ts turns paths into lines.
 */
import { goQuote } from '../errors';
import type { PathSegment } from '../fieldpath';
import { catalogueMiss, isServerImage } from './image-facts';
import { commandLine, isObj, podContainers, type ContainerView, type Obj } from './pod-view';

export interface RuleFinding {
  rule: string;
  path: PathSegment[];
  message: string;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A volumeMount whose name matches no entry of spec.volumes (the API server also rejects it). */
export function volumeMountMissingVolume(pod: Obj): RuleFinding[] {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const volumes = list(spec.volumes).flatMap((v) => (isObj(v) && typeof v.name === 'string' ? [v.name] : []));
  const out: RuleFinding[] = [];
  for (const c of podContainers(pod)) {
    list(c.raw.volumeMounts).forEach((m, i) => {
      if (!isObj(m) || typeof m.name !== 'string' || volumes.includes(m.name)) return;
      const known = volumes.length ? `the Pod's volumes are ${volumes.map(goQuote).join(', ')}` : 'the Pod declares no volumes';
      out.push({
        rule: 'volume-mount-missing-volume',
        path: [...c.path, 'volumeMounts', i, 'name'],
        message: `volumeMount ${goQuote(m.name)} of container ${goQuote(c.name)} names no volume in spec.volumes (${known})`,
      });
    });
  }
  return out;
}

/** Containers that run at the same time share one network namespace: one port, one listener. */
export function portConflicts(pod: Obj): RuleFinding[] {
  const out: RuleFinding[] = [];
  const owner = new Map<string, ContainerView>();
  for (const c of podContainers(pod).filter((c) => !c.runsToCompletion)) {
    const claims: Array<{ key: string; port: number; protocol: string; path: PathSegment[]; declared: boolean }> = c.ports.map((p) => ({
      key: `${p.port}/${p.protocol}`,
      port: p.port,
      protocol: p.protocol,
      path: [...c.path, 'ports', p.index, 'containerPort'],
      declared: true,
    }));
    for (const port of c.defaultListens ?? []) {
      if (!claims.some((k) => k.key === `${port}/TCP`)) claims.push({ key: `${port}/TCP`, port, protocol: 'TCP', path: [...c.path, 'image'], declared: false });
    }
    for (const k of claims) {
      const first = owner.get(k.key);
      if (!first) {
        owner.set(k.key, c);
        continue;
      }
      if (first === c) continue;
      const how = k.declared ? 'listens' : `listens (${c.image} does by default)`;
      out.push({
        rule: 'port-conflict',
        path: k.path,
        message: `containers ${goQuote(first.name)} and ${goQuote(c.name)} both listen on port ${k.port}/${k.protocol}: they share the Pod's network namespace, so ${goQuote(c.name)}, which ${how} there too, cannot bind it`,
      });
    }
  }
  return out;
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** A probe on a port that nothing in the Pod listens on fails every time. */
export function probePortNotListening(pod: Obj): RuleFinding[] {
  const containers = podContainers(pod);
  const running = containers.filter((c) => !c.runsToCompletion);
  const out: RuleFinding[] = [];
  for (const c of running) {
    for (const probe of PROBES) {
      const p = c.raw[probe];
      if (!isObj(p)) continue;
      for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
        const h = p[handler];
        if (!isObj(h) || h.port === undefined) continue;
        const path = [...c.path, probe, handler, 'port'];
        if (typeof h.port === 'string' && !/^\d+$/.test(h.port)) {
          if (!c.ports.some((x) => x.name === h.port)) {
            const names = c.ports.flatMap((x) => (x.name ? [x.name] : []));
            out.push({
              rule: 'probe-port',
              path,
              message: `${probe} port ${goQuote(h.port)} names no port of container ${goQuote(c.name)} (${names.length ? `its named ports: ${names.join(', ')}` : 'it has no named ports'}): the kubelet cannot resolve it and the probe fails`,
            });
          }
          continue;
        }
        const port = Number(h.port);
        // Another container of the Pod listening there is fine: the probe dials the Pod's IP.
        const listeners = running.filter((x) => x.ports.some((q) => q.port === port && q.protocol === 'TCP') || x.defaultListens?.includes(port));
        if (listeners.length) continue;
        const known = running.filter((x) => x.defaultListens !== undefined);
        const self = c.defaultListens;
        if (self !== undefined && known.length === running.length) {
          const what = self.length ? `${c.image} listens on ${self.join(', ')}` : `${c.image} listens on no port`;
          out.push({ rule: 'probe-port', path, message: `${probe} checks port ${port}, but nothing in the Pod listens there (${what}): the probe will fail` });
        } else if (c.ports.length) {
          out.push({
            rule: 'probe-port',
            path,
            message: `${probe} checks port ${port}, which no container of the Pod declares as a containerPort (container ${goQuote(c.name)} declares ${c.ports.map((x) => x.port).join(', ')}): make sure something listens there`,
          });
        }
      }
    }
  }
  return out;
}

const FOREVER: Array<[RegExp, string]> = [
  [/\bsleep\s+(infinity|inf)\b/, 'sleep infinity'],
  [/\btail\s+(?:-\w*[fF]\w*|--follow)\b/, 'tail -f'],
  [/\bwhile\s+(?:true|:|\[\s*1\s*\])\s*;?\s*do\b/, 'an endless while loop'],
];

/** An init container (not a sidecar) that never exits blocks the Pod in Init forever. */
export function initNeverExits(pod: Obj): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const c of podContainers(pod).filter((c) => c.runsToCompletion)) {
    const line = commandLine(c.raw);
    let why: string | undefined;
    let path: PathSegment[] = [...c.path, c.raw.args !== undefined ? 'args' : 'command'];
    if (line) {
      const hit = FOREVER.find(([re]) => re.test(line));
      // A loop with an exit or break may well end; only flag the unconditional forms.
      if (hit && !(hit[1] === 'an endless while loop' && /\b(exit|break)\b/.test(line))) why = hit[1];
    } else if (c.image && isServerImage(c.image)) {
      why = `${c.image}'s default command, a server`;
      path = [...c.path, 'image'];
    }
    if (!why) continue;
    out.push({
      rule: 'init-never-exits',
      path,
      message: `init container ${goQuote(c.name)} never exits (${why}): the app containers wait for it, so the Pod stays in Init. For a helper that runs alongside the app, make it a sidecar (restartPolicy: Always)`,
    });
  }
  return out;
}

/** Images the simulated registry does not have fail to pull (ErrImagePull, then ImagePullBackOff). */
export function imageNotInCatalogue(pod: Obj): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const c of podContainers(pod)) {
    if (!c.image) continue;
    const miss = catalogueMiss(c.image);
    if (!miss) continue;
    const message =
      miss.kind === 'repository'
        ? `image ${goQuote(c.image)} is not in Pod Lab's image catalogue, so pulling it fails (ErrImagePull). Available: ${miss.available.join(', ')}`
        : `tag ${goQuote(miss.tag)} of ${miss.repository} is not in Pod Lab's image catalogue, so pulling it fails (ErrImagePull). Available tags: ${miss.tags.join(', ')}`;
    out.push({ rule: 'image-not-in-catalogue', path: [...c.path, 'image'], message });
  }
  return out;
}

export const RULES = [volumeMountMissingVolume, portConflicts, probePortNotListening, initNeverExits, imageNotInCatalogue];
