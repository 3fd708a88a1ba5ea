import { describe, expect, it } from 'vitest';
import { Prng } from '../../clock/prng';
import { applyDefaults } from '../defaults';
import { formatFieldError } from '../errors';
import { parseManifests } from '../manifest';
import type { KubeObject } from '../types';
import { validateObject } from './index';

/** Defaults then validates, as the API server does, and returns the rendered causes. */
function errorsOf(obj: KubeObject): string[] {
  return validateObject(applyDefaults(obj, { prng: new Prng(1), namespace: 'default' })).map(formatFieldError);
}
const pod = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
const c = (name: string, extra: Record<string, unknown> = {}) => ({ name, image: 'nginx', ...extra });

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('Pod validation messages (FIDELITY §13.2)', () => {
  it('accepts a valid defaulted pod', () => expect(errorsOf(pod({ containers: [c('web')] }))).toEqual([]));

  it.each<[string, Record<string, unknown>, string[]]>([
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['missing container name', { containers: [{ image: 'nginx' }] }, ['spec.containers[0].name: Required value']],
    ['missing image', { containers: [{ name: 'web' }] }, ['spec.containers[0].image: Required value']],
    ['image with spaces', { containers: [c('web', { image: ' nginx' })] }, ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']],
    ['duplicate container name', { containers: [c('app'), c('app')] }, ['spec.containers[1].name: Duplicate value: "app"']],
    ['init container named like a container', { containers: [c('app')], initContainers: [c('app')] }, ['spec.initContainers[0].name: Duplicate value: "app"']],
    ['container name not a label', { containers: [c('My_App')] }, [`spec.containers[0].name: Invalid value: "My_App": ${LABEL_MSG}`]],
    ['container name too long', { containers: [c('a'.repeat(64))] }, [`spec.containers[0].name: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`]],
    ['mount of an undeclared volume', { containers: [c('web', { volumeMounts: [{ name: 'data', mountPath: '/data' }] })] }, ['spec.containers[0].volumeMounts[0].name: Not found: "data"']],
    [
      'duplicate mount path',
      { containers: [c('web', { volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'data', mountPath: '/data' }] })], volumes: [{ name: 'data', emptyDir: {} }] },
      ['spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique'],
    ],
    ['duplicate volume name', { containers: [c('web')], volumes: [{ name: 'data' }, { name: 'data' }] }, ['spec.volumes[1].name: Duplicate value: "data"']],
    ['duplicate port name', { containers: [c('web', { ports: [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 81 }] })] }, ['spec.containers[0].ports[1].name: Duplicate value: "http"']],
    ['missing containerPort', { containers: [c('web', { ports: [{ name: 'http' }] })] }, ['spec.containers[0].ports[0].containerPort: Required value']],
    ['port out of range', { containers: [c('web', { ports: [{ containerPort: 70000 }] })] }, ['spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    [
      'bad port name',
      { containers: [c('web', { ports: [{ name: 'Web--Port-Long-Name', containerPort: 80 }] })] },
      [
        'spec.containers[0].ports[0].name: Invalid value: "Web--Port-Long-Name": must be no more than 15 characters',
        'spec.containers[0].ports[0].name: Invalid value: "Web--Port-Long-Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "Web--Port-Long-Name": must not contain consecutive hyphens',
      ],
    ],
    ['port name without letters', { containers: [c('web', { ports: [{ name: '8080', containerPort: 80 }] })] }, ['spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)']],
    ['port name with edge hyphen', { containers: [c('web', { ports: [{ name: '-http', containerPort: 80 }] })] }, ['spec.containers[0].ports[0].name: Invalid value: "-http": must not begin or end with a hyphen']],
    ['bad protocol', { containers: [c('web', { ports: [{ containerPort: 80, protocol: 'HTTP' }] })] }, ['spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    [
      'host port used twice',
      { containers: [c('a', { ports: [{ containerPort: 80, hostPort: 8080 }] }), c('b', { ports: [{ containerPort: 81, hostPort: 8080 }] })] },
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    ['restartPolicy on a regular container', { containers: [c('web', { restartPolicy: 'Always' })] }, ['spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers']],
    [
      'probes on a regular init container',
      { containers: [c('web')], initContainers: [c('init', { readinessProbe: { exec: { command: ['true'] } }, livenessProbe: { exec: { command: ['true'] } } })] },
      [
        'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
        'spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    ],
    ['probes on a sidecar are fine', { containers: [c('web')], initContainers: [c('side', { restartPolicy: 'Always', readinessProbe: { exec: { command: ['true'] } } })] }, []],
    ['init container restartPolicy not Always', { containers: [c('web')], initContainers: [c('init', { restartPolicy: 'OnFailure' })] }, ['spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ['liveness successThreshold', { containers: [c('web', { livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } })] }, ['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1']],
    ['startup successThreshold', { containers: [c('web', { startupProbe: { exec: { command: ['true'] }, successThreshold: 3 } })] }, ['spec.containers[0].startupProbe.successThreshold: Invalid value: 3: must be 1']],
    ['probe without handler', { containers: [c('web', { readinessProbe: { periodSeconds: 5 } })] }, ['spec.containers[0].readinessProbe: Required value: must specify a handler type']],
    ['pod restartPolicy', { containers: [c('web')], restartPolicy: 'Sometimes' }, ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    ['imagePullPolicy', { containers: [c('web', { imagePullPolicy: 'Sometimes' })] }, ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"']],
    [
      'shareProcessNamespace with hostPID',
      { containers: [c('web')], shareProcessNamespace: true, hostPID: true },
      ['spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled'],
    ],
    ['ephemeral containers on create', { containers: [c('web')], ephemeralContainers: [c('web')] }, ['spec.ephemeralContainers[0].name: Duplicate value: "web"', 'spec.ephemeralContainers: Forbidden: cannot be set on create']],
    ['volume with two sources', { containers: [c('web')], volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }] }, ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type']],
    [
      'requests above limits',
      { containers: [c('web', { resources: { limits: { cpu: '500m' }, requests: { cpu: '1' } } })] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
  ])('%s', (_name, spec, expected) => expect(errorsOf(pod(spec))).toEqual(expected));

  it('validates the pod name as a DNS-1123 subdomain', () => {
    expect(errorsOf(pod({ containers: [c('web')] }, 'My_Pod'))).toEqual([
      `metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
    expect(errorsOf({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { containers: [c('web')] } })).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ]);
  });

  it('validates labels', () => {
    const p = pod({ containers: [c('web')] });
    p.metadata!.labels = { 'app name': 'web', tier: '-x' };
    expect(errorsOf(p)).toEqual([
      `metadata.labels: Invalid value: "app name": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `metadata.labels: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ]);
  });

  it('puts source positions on errors, and a missing field on its parent', () => {
    const [doc] = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n  - name: Bad\n    image: nginx\n', 'pod.yaml');
    const defaulted = applyDefaults(doc.object, { prng: new Prng(1), namespace: 'default' });
    const errs = validateObject(defaulted, { positionOf: doc.positionOf });
    expect(errs.map((e) => [formatFieldError(e).slice(0, 40), e.line, e.column])).toEqual([
      ['spec.containers[0].image: Required value', 7, 5],
      ['spec.containers[1].name: Invalid value: ', 8, 5],
    ]);
  });
});

describe('Service, ConfigMap, Secret and Namespace validation', () => {
  const svc = (spec: Record<string, unknown>, name = 'web'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });

  it('requires ports and checks type, selector and names', () => {
    expect(errorsOf(svc({ selector: { app: 'web' } }))).toEqual(['spec.ports: Required value']);
    expect(errorsOf(svc({ type: 'Public', ports: [{ port: 80 }] }))).toEqual(['spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']);
    expect(errorsOf(svc({ ports: [{ port: 80 }, { port: 81 }] }))).toEqual(['spec.ports[0].name: Required value', 'spec.ports[1].name: Required value']);
    expect(errorsOf(svc({ ports: [{ port: 80 }], selector: { app: 'web app' } }))[0]).toMatch(/^spec\.selector: Invalid value: "web app": a valid label must be/);
    expect(errorsOf(svc({ ports: [{ port: 80 }] }, '1web'))[0]).toBe(
      `metadata.name: Invalid value: "1web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
    expect(errorsOf(svc({ ports: [{ port: 80, nodePort: 30080 }] }))).toEqual(["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]);
  });

  it('checks config keys', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { 'bad key': 'x', ok: 'y' } };
    expect(errorsOf(cm)).toEqual([
      `data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ]);
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { '..a': 'eA==' } };
    expect(errorsOf(secret)).toEqual([`data[..a]: Invalid value: "..a": must not start with '..'`]);
  });

  it('validates namespace names as DNS-1123 labels', () => {
    expect(errorsOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Dev' } })).toEqual([`metadata.name: Invalid value: "Dev": ${LABEL_MSG}`]);
    expect(errorsOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } })).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
  });
});
