#!/usr/bin/env node
// A tiny stand-in for kube-apiserver, enough for the real kubectl to run `get`, `describe` and
// `events` against fixture objects: discovery (/version, /api, /api/v1, /apis), GET of single
// objects and lists (field selectors included, as `describe` uses them to find a pod's events),
// server-side Tables for `get`, and a scripted watch stream for `get -w`.
//
// Tables: `kubectl get` asks the server for a Table and only lays it out (tabwriter, header,
// which columns -o wide shows). Real cells come from kube-apiserver's printers, which this stub
// does not have, so the caller passes `tableFor(resource, objects, nowMs)` (the recorder passes
// Pod Lab's own printers). Goldens of `get` therefore pin kubectl's layout of those cells.
//
// Standalone: `npx tsx scripts/kubectl-reference/stub-apiserver.mjs` serves the fixtures moved
// to the current second and prints the port.
import http from 'node:http';
import { fixturesAt } from './fixtures.mjs';

export const SERVER_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:08:02Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** resource name → discovery facts. */
export const RESOURCES = {
  pods: { kind: 'Pod', singularName: 'pod', namespaced: true, shortNames: ['po'], categories: ['all'] },
  services: { kind: 'Service', singularName: 'service', namespaced: true, shortNames: ['svc'], categories: ['all'] },
  endpoints: { kind: 'Endpoints', singularName: 'endpoints', namespaced: true, shortNames: ['ep'] },
  events: { kind: 'Event', singularName: 'event', namespaced: true, shortNames: ['ev'] },
  configmaps: { kind: 'ConfigMap', singularName: 'configmap', namespaced: true, shortNames: ['cm'] },
  secrets: { kind: 'Secret', singularName: 'secret', namespaced: true },
  serviceaccounts: { kind: 'ServiceAccount', singularName: 'serviceaccount', namespaced: true, shortNames: ['sa'] },
  namespaces: { kind: 'Namespace', singularName: 'namespace', namespaced: false, shortNames: ['ns'] },
  nodes: { kind: 'Node', singularName: 'node', namespaced: false, shortNames: ['no'] },
};
/** Served under /apis/discovery.k8s.io/v1 (not listed in /api/v1 discovery). */
const GROUP_RESOURCES = {
  endpointslices: { kind: 'EndpointSlice', singularName: 'endpointslice', namespaced: true, apiVersion: 'discovery.k8s.io/v1' },
};

function apiResourceList() {
  return {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: Object.entries(RESOURCES).map(([name, r]) => ({
      name,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      ...(r.categories ? { categories: r.categories } : {}),
    })),
  };
}

function getPath(obj, dotted) {
  let cur = obj;
  for (const part of dotted.split('.')) {
    if (cur == null) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** Field selectors as the API server supports them for these kinds: `a=b`, `a==b`, `a!=b`, comma-joined. */
export function matchesFieldSelector(obj, selector) {
  if (!selector) return true;
  for (const term of selector.split(',')) {
    if (!term) continue;
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (!m) return false;
    const actual = String(getPath(obj, m[1]) ?? '');
    if (m[2] === '!=' ? actual === m[3] : actual !== m[3]) return false;
  }
  return true;
}

function matchesLabelSelector(obj, selector) {
  if (!selector) return true;
  const labels = obj.metadata?.labels ?? {};
  for (const term of selector.split(',')) {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(term);
    if (m) {
      const eq = labels[m[1]] === m[3];
      if (m[2] === '!=' ? eq : !eq) return false;
    } else if (term.startsWith('!')) {
      if (term.slice(1) in labels) return false;
    } else if (!(term in labels)) return false;
  }
  return true;
}

function partialMetadata(obj) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

/**
 * Starts the stub. `state.objects` (resource → objects) and `state.now` (ms) may be replaced
 * between kubectl runs. `state.watch` (optional): array of {type, object} sent on a watch request.
 */
export function startStubApiServer(state) {
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://stub');
    const accept = req.headers.accept ?? '';
    log.push(`${req.method} ${req.url} accept=${accept}`);
    const send = (code, body, contentType = 'application/json') => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    const notFound = (resource, name) =>
      send(404, {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: name ? `${resource} "${name}" not found` : 'the server could not find the requested resource',
        reason: 'NotFound',
        details: name ? { name, kind: resource } : {},
        code: 404,
      });

    const p = url.pathname.replace(/\/+$/, '');
    // Extra routes a caller serves (stub-info.mjs: OpenAPI v3, wider discovery); checked first.
    const extra = state.routes?.(p, url, req);
    if (extra) return send(extra.code ?? 200, extra.body, extra.contentType);
    if (p === '/version') return send(200, SERVER_VERSION);
    if (p === '/api')
      return send(200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${server.address().port}` }],
      });
    if (p === '/apis') {
      const gv = { groupVersion: 'discovery.k8s.io/v1', version: 'v1' };
      return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [{ name: 'discovery.k8s.io', versions: [gv], preferredVersion: gv }] });
    }
    if (p === '/api/v1') return send(200, apiResourceList());
    if (p === '/apis/discovery.k8s.io') {
      const gv = { groupVersion: 'discovery.k8s.io/v1', version: 'v1' };
      return send(200, { kind: 'APIGroup', apiVersion: 'v1', name: 'discovery.k8s.io', versions: [gv], preferredVersion: gv });
    }
    if (p === '/apis/discovery.k8s.io/v1') {
      return send(200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: 'discovery.k8s.io/v1',
        resources: [{ name: 'endpointslices', singularName: 'endpointslice', namespaced: true, kind: 'EndpointSlice', verbs: VERBS }],
      });
    }
    let prefix;
    if (p.startsWith('/api/v1/')) prefix = '/api/v1/';
    else if (p.startsWith('/apis/discovery.k8s.io/v1/')) prefix = '/apis/discovery.k8s.io/v1/';
    else return notFound();

    let segs = p.slice(prefix.length).split('/');
    let watch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    if (segs[0] === 'watch') {
      watch = true;
      segs = segs.slice(1);
    }
    let namespace;
    if (segs[0] === 'namespaces' && segs.length >= 3) {
      namespace = segs[1];
      segs = segs.slice(2);
    }
    const [resource, name] = segs;
    const info = prefix === '/api/v1/' ? RESOURCES[resource] : GROUP_RESOURCES[resource];
    if (!info) return notFound();
    const all = state.objects[resource] ?? [];
    const inScope = all.filter((o) => !info.namespaced || !namespace || o.metadata.namespace === namespace);
    const asTable = /as=Table/.test(accept);

    if (watch) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      const events = state.watch ?? [];
      let i = 0;
      const next = () => {
        if (i >= events.length) return res.end();
        const ev = events[i++];
        let object = ev.object;
        // Like kube-apiserver, watch Tables carry no column definitions (kubectl reuses the list's).
        if (asTable) object = tableOf(resource, [object], false, url);
        res.write(JSON.stringify({ type: ev.type, object }) + '\n');
        setTimeout(next, 30);
      };
      setTimeout(next, 30);
      return;
    }

    if (name) {
      const obj = inScope.find((o) => o.metadata.name === name);
      if (!obj) return notFound(resource, name);
      return send(200, asTable ? tableOf(resource, [obj], true, url) : obj);
    }

    const fieldSelector = url.searchParams.get('fieldSelector');
    const labelSelector = url.searchParams.get('labelSelector');
    const items = inScope.filter((o) => matchesFieldSelector(o, fieldSelector) && matchesLabelSelector(o, labelSelector));
    if (asTable) return send(200, tableOf(resource, items, true, url));
    return send(200, {
      kind: `${info.kind}List`,
      apiVersion: info.apiVersion ?? 'v1',
      metadata: { resourceVersion: '9999' },
      items: items.map((o) => ({ ...o, apiVersion: undefined, kind: undefined })).map(stripUndefined),
    });
  });

  function tableOf(resource, items, withColumns, url) {
    if (!state.tableFor) throw new Error('stub: no tableFor given, cannot serve Table for ' + resource);
    const { columns, rows } = state.tableFor(resource, items, state.now);
    const includeObject = url.searchParams.get('includeObject') ?? 'Metadata';
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '9999' },
      columnDefinitions: withColumns
        ? columns.map((c) => ({ name: c.name, type: c.type ?? 'string', format: c.format ?? '', description: '', priority: c.priority ?? 0 }))
        : [],
      rows: rows.map((cells, i) => ({
        cells,
        object: includeObject === 'None' ? undefined : includeObject === 'Object' ? items[i] : partialMetadata(items[i]),
      })),
    };
  }

  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: server.address().port, log, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

function stripUndefined(o) {
  return JSON.parse(JSON.stringify(o));
}

// Standalone mode.
if (import.meta.url === `file://${process.argv[1]}`) {
  const now = Math.floor(Date.now() / 1000) * 1000;
  let tableFor;
  try {
    ({ tableFor } = await import('../../src/sim/kubectl/printers/resource-tables.ts'));
  } catch {
    console.error('stub: Pod Lab printers not importable (run with tsx); Table requests will fail');
  }
  const srv = await startStubApiServer({ objects: fixturesAt(now), now, tableFor });
  console.log(JSON.stringify({ port: srv.port, now }));
}
