#!/usr/bin/env node
// Records the REAL kubectl's output for the fixture objects, as goldens for Pod Lab's printers.
//
//   npx tsx scripts/kubectl-reference/record.mjs [case-name-substring ...]
//
// For every case it waits for the start of a wall-clock second N, moves the fixture timestamps
// so FIXTURE_NOW becomes N, serves them from the stub API server and runs kubectl. It keeps the
// run only if kubectl finished before N+1s, so kubectl's "now" was inside [N, N+1s) and every
// age it printed equals the age computed at N+500ms, which is the `now` stored in the sidecar
// <case>.json next to <case>.txt (stdout, byte for byte). The golden tests replay that.
//
// kubectl binary: $KUBECTL, else `kubectl` on PATH (must be a v1.32 client).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_NOW, GOLDEN_DIR, fixturesAt } from './fixtures.mjs';
import { startStubApiServer } from './stub-apiserver.mjs';
import { tableFor } from '../../src/sim/kubectl/printers/resource-tables.ts';

const KUBECTL = process.env.KUBECTL || 'kubectl';

/** Watch script for `get pods -w`: a new pod going through its start-up, then a deletion. */
function watchScript(objects) {
  const base = objects.pods.find((p) => p.metadata.name === 'nginx');
  const clone = (o) => JSON.parse(JSON.stringify(o));
  const fresh = clone(base);
  fresh.metadata.name = 'web-frontend-5d9c7';
  fresh.metadata.uid = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
  const created = new Date(Date.parse(objects.__now) - 0).toISOString().replace('.000Z', 'Z');
  fresh.metadata.creationTimestamp = created;
  const pending = clone(fresh);
  delete pending.spec.nodeName;
  pending.status = { phase: 'Pending', qosClass: 'BestEffort' };
  const scheduled = clone(pending);
  scheduled.spec.nodeName = 'node01';
  scheduled.status.conditions = [{ lastProbeTime: null, lastTransitionTime: created, status: 'True', type: 'PodScheduled' }];
  const creating = clone(scheduled);
  creating.status.startTime = created;
  creating.status.hostIP = '172.30.1.2';
  creating.status.containerStatuses = [
    { image: 'nginx', imageID: '', lastState: {}, name: 'nginx', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } },
  ];
  const running = clone(fresh);
  running.status.startTime = created;
  running.status.containerStatuses[0].state.running.startedAt = created;
  const deleting = clone(base);
  deleting.metadata.deletionTimestamp = new Date(Date.parse(objects.__now) + 30000).toISOString().replace('.000Z', 'Z');
  deleting.metadata.deletionGracePeriodSeconds = 30;
  const stopped = clone(deleting);
  stopped.status.containerStatuses[0].ready = false;
  stopped.status.containerStatuses[0].state = {
    terminated: { containerID: base.status.containerStatuses[0].containerID, exitCode: 0, finishedAt: created, reason: 'Completed', startedAt: base.status.containerStatuses[0].state.running.startedAt },
  };
  return [
    { type: 'ADDED', object: pending },
    { type: 'MODIFIED', object: scheduled },
    { type: 'MODIFIED', object: creating },
    { type: 'MODIFIED', object: running },
    { type: 'MODIFIED', object: deleting },
    { type: 'MODIFIED', object: stopped },
    { type: 'DELETED', object: stopped },
  ];
}

const onlyNginx = (o) => ({ ...o, pods: o.pods.filter((p) => p.metadata.name === 'nginx') });

/** name → kubectl args (after the --server flags), and optional object / watch overrides. */
const CASES = [
  ...['bad-image', 'big', 'crash', 'evicted', 'init-demo', 'job-done', 'nginx', 'sidecar-demo', 'sleeper', 'web'].map((p) => ({
    name: `describe-pod-${p}`,
    args: ['describe', 'pod', p],
  })),
  ...['kubernetes', 'nginx', 'web', 'ext', 'lb'].map((s) => ({ name: `describe-svc-${s}`, args: ['describe', 'svc', s] })),
  { name: 'get-pods', args: ['get', 'pods'] },
  { name: 'get-pods-wide', args: ['get', 'pods', '-o', 'wide'] },
  { name: 'get-pods-show-labels', args: ['get', 'pods', '--show-labels'] },
  { name: 'get-pods-all-namespaces', args: ['get', 'pods', '-A'] },
  { name: 'get-pod-nginx', args: ['get', 'pod', 'nginx'] },
  { name: 'get-svc', args: ['get', 'svc'] },
  { name: 'get-svc-wide', args: ['get', 'svc', '-o', 'wide'] },
  { name: 'get-endpoints', args: ['get', 'endpoints'] },
  { name: 'get-events', args: ['get', 'events'] },
  { name: 'get-events-wide', args: ['get', 'events', '-o', 'wide'] },
  { name: 'get-configmaps', args: ['get', 'configmaps'] },
  { name: 'get-secrets', args: ['get', 'secrets'] },
  { name: 'get-namespaces', args: ['get', 'namespaces'] },
  { name: 'get-nodes', args: ['get', 'nodes'] },
  { name: 'get-nodes-wide', args: ['get', 'nodes', '-o', 'wide'] },
  { name: 'events', args: ['events'] },
  { name: 'events-for-pod-crash', args: ['events', '--for', 'pod/crash'] },
  { name: 'get-pod-nginx-yaml', args: ['get', 'pod', 'nginx', '-o', 'yaml'] },
  { name: 'get-pod-web-yaml', args: ['get', 'pod', 'web', '-o', 'yaml'] },
  { name: 'get-pod-web-json', args: ['get', 'pod', 'web', '-o', 'json'] },
  { name: 'get-pod-init-demo-yaml', args: ['get', 'pod', 'init-demo', '-o', 'yaml'] },
  { name: 'get-pod-sidecar-demo-yaml', args: ['get', 'pod', 'sidecar-demo', '-o', 'yaml'] },
  { name: 'get-cm-tricky-yaml', args: ['get', 'configmap', 'tricky', '-o', 'yaml'] },
  { name: 'get-cm-tricky-json', args: ['get', 'configmap', 'tricky', '-o', 'json'] },
  ...['ctrl', 'del', 'bom'].map((x) => ({ name: `get-cm-tricky-${x}-yaml`, args: ['get', 'configmap', `tricky-${x}`, '-o', 'yaml'] })),
  { name: 'get-pods-yaml', args: ['get', 'pods', '-o', 'yaml'], objects: (o) => ({ ...o, pods: o.pods.filter((p) => ['nginx', 'big'].includes(p.metadata.name)) }) },
  { name: 'get-pods-json', args: ['get', 'pods', '-o', 'json'], objects: (o) => ({ ...o, pods: o.pods.filter((p) => ['nginx', 'big'].includes(p.metadata.name)) }) },
  { name: 'get-svc-web-yaml', args: ['get', 'svc', 'web', '-o', 'yaml'] },
  { name: 'get-events-yaml', args: ['get', 'events', '-o', 'yaml'] },
  { name: 'get-pods-watch', args: ['get', 'pods', '-w'], objects: onlyNginx, watch: watchScript },
  { name: 'get-pods-watch-events', args: ['get', 'pods', '-w', '--output-watch-events'], objects: onlyNginx, watch: watchScript },
];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function run(args, env) {
  return new Promise((resolve) => {
    const p = spawn(KUBECTL, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    p.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

async function main() {
  const filters = process.argv.slice(2);
  const cases = CASES.filter((c) => filters.length === 0 || filters.some((f) => c.name.includes(f)));
  const home = mkdtempSync(join(tmpdir(), 'kubectl-ref-'));
  const env = { ...process.env, TZ: 'UTC', HOME: home, KUBECONFIG: join(home, 'none'), LANG: 'C' };
  const version = (await run(['version', '--client'], env)).stdout.trim().split('\n')[0];
  console.log(`kubectl: ${version}`);
  const state = { objects: {}, now: 0, tableFor };
  const srv = await startStubApiServer(state);
  const common = ['--server', `http://127.0.0.1:${srv.port}`, '--cache-dir', join(home, 'cache')];
  try {
    for (const c of cases) {
      let result;
      for (let attempt = 0; attempt < 8 && !result; attempt++) {
        // Start right after a second boundary N.
        const wait = 1000 - (Date.now() % 1000);
        await sleep(wait + 2);
        const N = Math.floor(Date.now() / 1000) * 1000;
        const objects = fixturesAt(N);
        objects.__now = new Date(N).toISOString();
        state.objects = c.objects ? c.objects(objects) : objects;
        state.watch = c.watch ? c.watch(objects) : undefined;
        state.now = N + 500;
        const r = await run([...common, ...c.args], env);
        if (Date.now() - N < 1000) result = { ...r, N };
      }
      if (!result) throw new Error(`${c.name}: kubectl never finished within one second`);
      writeFileSync(join(GOLDEN_DIR, `${c.name}.txt`), result.stdout);
      const sidecar = {
        command: ['kubectl', ...c.args],
        now: result.N + 500,
        nowRFC3339: new Date(result.N + 500).toISOString(),
        fixtureNow: FIXTURE_NOW,
        shiftSeconds: Math.round((result.N - Date.parse(FIXTURE_NOW)) / 1000),
        kubectl: version,
        exitCode: result.code,
        stderr: result.stderr,
      };
      writeFileSync(join(GOLDEN_DIR, `${c.name}.json`), JSON.stringify(sidecar, null, 2) + '\n');
      console.log(`${c.name}: ${result.stdout.length} bytes, exit ${result.code}${result.stderr ? ', stderr: ' + result.stderr.trim().split('\n')[0] : ''}`);
    }
  } finally {
    await srv.close();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
