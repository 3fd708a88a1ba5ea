#!/usr/bin/env node
// The stub API server with what kubectl's informational verbs read, so the real kubectl v1.32 can
// print `explain`, `api-resources`, `api-versions` and `version` for Pod Lab's cluster:
//
//   npx tsx scripts/kubectl-reference/stub-info.mjs        → prints {"port": N}
//   kubectl --server http://127.0.0.1:N --kubeconfig=/dev/null explain pod.spec.containers
//
// /openapi/v3 and /openapi/v3/api/v1 serve Pod Lab's own OpenAPI v3 document
// (src/sim/kubectl/explain/openapi.ts), so the real client's explain layout can be compared with
// Pod Lab's on identical input. /version, /apis and /api/v1 are Pod Lab's too
// (src/sim/kubectl/cmd/version.ts, api-resources.ts).
import { fixturesAt } from './fixtures.mjs';
import { startStubApiServer, SERVER_VERSION } from './stub-apiserver.mjs';
import { coreV1Document } from '../../src/sim/kubectl/explain/openapi.ts';
import { CORE_V1_RESOURCES } from '../../src/sim/kubectl/cmd/api-resources.ts';
import { versionInfo } from '../../src/sim/kubectl/cmd/version.ts';

export function infoRoutes() {
  const doc = coreV1Document(SERVER_VERSION.gitVersion);
  return (path) => {
    if (path === '/openapi/v3') return { body: { paths: { 'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=podlab' } } } };
    if (path === '/openapi/v3/api/v1') return { body: doc };
    // Pod Lab's discovery and version, so api-resources/api-versions/version print its cluster.
    if (path === '/version') return { body: versionInfo() };
    if (path === '/apis') return { body: { kind: 'APIGroupList', apiVersion: 'v1', groups: [] } };
    if (path === '/api/v1') return { body: { kind: 'APIResourceList', groupVersion: 'v1', resources: CORE_V1_RESOURCES } };
    return undefined;
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const srv = await startStubApiServer({ objects: fixturesAt(now), now, routes: infoRoutes() });
  console.log(JSON.stringify({ port: srv.port }));
}
