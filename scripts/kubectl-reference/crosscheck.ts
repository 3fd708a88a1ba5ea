#!/usr/bin/env -S npx tsx
// Cross-checks a transcript against the REAL kubectl v1.32: replays the transcript's commands in
// the simulator and, for every `kubectl get|describe|logs ...` line (no pipes, no redirection, no
// watch), serves the simulator's objects at that instant from the stub API server and runs real
// kubectl with the same arguments. Prints OK or a diff per command; exit 1 on any difference.
//
//   npx tsx scripts/kubectl-reference/crosscheck.ts tests/scenarios/kubectl-get-all.txt [...]
//
// Ages: kubectl measures them against its wall clock, so (as record.mjs does) the objects are
// moved to the wall-clock second N at which kubectl runs, and the run is kept only if kubectl
// finished before N+1s. Tables of `get` are built by the stub with Pod Lab's own tableFor (the
// stub has no kube-apiserver printers), so for tables this pins kubectl's layout, sorting, and
// client-side columns (custom-columns, jsonpath, -o yaml/json, describe are computed by kubectl).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, DEFAULT_START } from '../../src/sim/cluster';
import { Workstation } from '../../src/sim/workstation/workstation';
import { HomeFiles } from '../../src/sim/workstation/files';
import { driveHeadless } from '../../src/sim/workstation/driver';
import { splitScript } from '../../src/sim/workstation/script';
import { scriptFromTranscript } from '../../src/sim/workstation/transcript';
import { hostFolder } from '../../src/cli/sh';
import { tableFor } from '../../src/sim/kubectl/printers/resource-tables';
import { endpointSlicesFromEndpoints } from '../../src/sim/kubectl/describe/service';
import { RESOURCE_OF_KIND } from '../../src/sim/api/store';
// @ts-expect-error plain ESM helper
import { shiftTimestamps } from './fixtures.mjs';
// @ts-expect-error plain ESM helper
import { RESOURCES, startStubApiServer } from './stub-apiserver.mjs';
import http from 'node:http';
import { nodeLease } from '../../src/sim/kubectl/describe/node';

const KUBECTL = process.env.KUBECTL || 'kubectl';
const CHECKED = /^(?:kubectl|k) (get|describe|logs|top|wait|delete) /;

/** Shell words of a simple command line ('…', "…" and backslash escapes). */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let any = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, j);
      i = j;
      any = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; line[j] !== '"'; j++) {
        if (line[j] === '\\' && /["\\$`]/.test(line[j + 1])) j++;
        cur += line[j];
      }
      i = j;
      any = true;
    } else if (c === '\\') {
      cur += line[++i];
      any = true;
    } else if (c === ' ' || c === '\t') {
      if (any) out.push(cur);
      cur = '';
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (any) out.push(cur);
  return out;
}

function runKubectl(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(KUBECTL, args, { env, cwd: env.HOME, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** The simulator's objects by resource name, as the stub serves them. */
function snapshot(cluster: Cluster): Record<string, unknown[]> {
  const objects: Record<string, unknown[]> = {};
  for (const [kind, resource] of Object.entries(RESOURCE_OF_KIND)) objects[resource] = cluster.store.list(kind);
  objects.endpointslices = (objects.endpoints as never[]).flatMap((ep: { metadata: { name: string; namespace: string; uid: string } }) =>
    endpointSlicesFromEndpoints(ep as never).map((s, i) => ({
      ...s,
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: `${ep.metadata.name}-${i}`, namespace: ep.metadata.namespace, labels: { 'kubernetes.io/service-name': ep.metadata.name } },
    })),
  );
  return objects;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** Moves the absolute times kubectl printed (RFC 1123Z, RFC 3339) back by the fixture shift. */
function unshift(text: string, deltaSeconds: number): string {
  return text
    .replace(/\b(\w{3}), (\d\d) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d) \+0000/g, (_m, _d, dd, mon, yyyy, hh, mm, ss) => {
      const t = new Date(Date.UTC(Number(yyyy), MONTHS.indexOf(mon), Number(dd), Number(hh), Number(mm), Number(ss)) - deltaSeconds * 1000);
      return `${DAYS[t.getUTCDay()]}, ${p2(t.getUTCDate())} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())}:${p2(t.getUTCSeconds())} +0000`;
    })
    .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, (m) => shiftTimestamps(m, -deltaSeconds));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const files = process.argv.slice(2);
  const home = mkdtempSync(join(tmpdir(), 'kubectl-cross-'));
  const env = { ...process.env, TZ: 'UTC', HOME: home, KUBECONFIG: join(home, 'none'), LANG: 'C' };
  const state: { objects: Record<string, unknown[]>; now: number; tableFor: typeof tableFor; logs?: unknown } = { objects: {}, now: 0, tableFor };
  // Kinds describe asks for that the stub does not list by default: a real cluster answers empty lists.
  RESOURCES.resourcequotas = { kind: 'ResourceQuota', singularName: 'resourcequota', namespaced: true, shortNames: ['quota'] };
  RESOURCES.limitranges = { kind: 'LimitRange', singularName: 'limitrange', namespaced: true, shortNames: ['limits'] };
  const srv = await startStubApiServer(state);
  // In front of the stub: the kubelet's node Lease (coordination.k8s.io), which describe node reads.
  const leases = new Map<string, unknown>();
  const front = http.createServer((req, res) => {
    const m = /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/?]+)/.exec(req.url ?? '');
    if (m && leases.has(m[1])) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(leases.get(m[1])));
      return;
    }
    const fwd = http.request({ host: '127.0.0.1', port: srv.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 500, r.headers);
      r.pipe(res);
    });
    req.pipe(fwd);
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', () => r()));
  const port = (front.address() as { port: number }).port;
  const common = ['--server', `http://127.0.0.1:${port}`, '--cache-dir', join(home, 'cache')];
  let failures = 0;
  try {
    for (const file of files) {
      const { script, options } = scriptFromTranscript(readFileSync(file, 'utf8'));
      const start = options.start ? Date.parse(options.start) : DEFAULT_START;
      const cluster = new Cluster({ seed: options.seed ?? 1, start, traceLogs: false });
      const homeFiles = new HomeFiles(hostFolder(join(process.cwd(), 'tests/scenarios/home')));
      let out = '';
      const ws = new Workstation(cluster, homeFiles, { out: (s) => (out += s), err: (s) => (out += s) });
      console.log(`# ${file}`);
      for (const unit of splitScript(script)) {
        if (unit.kind !== 'command') continue;
        const m = CHECKED.exec(unit.text);
        const checkable = m && !/[|><;&]|\s-w\b|--watch|\s-f\b|--follow/.test(unit.text) && !/^(?:kubectl|k) (?:logs|top|wait|delete) /.test(unit.text);
        const objects = checkable ? snapshot(cluster) : undefined;
        const simNow = cluster.now();
        out = '';
        driveHeadless(ws.run(unit.text), cluster);
        if (!checkable) continue;
        const args = words(unit.text).slice(1);
        // Files the command reads from the workstation: copy them next to the real kubectl.
        for (const a of args) {
          const f = /^-o(?:=)?custom-columns-file=(.+)$|^custom-columns-file=(.+)$/.exec(a);
          const path = f && (f[1] ?? f[2]);
          const text = path ? homeFiles.read(path) : undefined;
          if (path && text !== undefined) writeFileSync(join(home, path), text);
        }
        let result: { code: number; stdout: string; stderr: string } | undefined;
        for (let attempt = 0; attempt < 8 && !result; attempt++) {
          await sleep(1000 - (Date.now() % 1000) + 2);
          const N = Math.floor(Date.now() / 1000) * 1000;
          const delta = Math.round((N - Math.floor(simNow / 1000) * 1000) / 1000);
          state.objects = shiftTimestamps(objects, delta);
          state.now = simNow + delta * 1000;
          leases.clear();
          for (const node of (objects!.nodes ?? []) as never[]) {
            const l = nodeLease(node, simNow);
            const name = (node as { metadata: { name: string } }).metadata.name;
            leases.set(name, shiftTimestamps({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: l.holderIdentity, leaseDurationSeconds: 40, renewTime: l.renewTime } }, delta));
          }
          const r = await runKubectl([...common, ...args], env);
          if (Date.now() - N < 1000) {
            result = { ...r, stdout: unshift(r.stdout, delta), stderr: r.stderr };
          }
        }
        if (!result) throw new Error(`${unit.text}: kubectl never finished within one second`);
        // klog fatal lines carry the wall-clock time and kubectl's pid: compare the rest.
        const norm = (t: string) => t.replace(/^F\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'F<time> <pid> ');
        const ok = norm(out) === norm(result.stdout + result.stderr) || norm(out) === norm(result.stderr + result.stdout);
        console.log(`${ok ? 'OK  ' : 'DIFF'} ${unit.text}`);
        if (!ok) {
          failures++;
          console.log('--- simulator\n' + out + '--- kubectl stdout\n' + result.stdout + '--- kubectl stderr\n' + result.stderr + `--- exit ${result.code}`);
        }
      }
    }
  } finally {
    front.close();
    await srv.close();
    rmSync(home, { recursive: true, force: true });
  }
  process.exit(failures ? 1 : 0);
}

await main();
