import { describe, expect, it } from 'vitest';
import { Prng } from '../clock/prng';
import { applyDefaults, base64Utf8 } from './defaults';
import { defaultImagePullPolicy, parseImageReference } from './image-reference';
import type { KubeObject } from './types';

const ctx = (seed = 1) => ({ prng: new Prng(seed), namespace: 'default' });
const nginx = (): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx' },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
});

describe('applyDefaults: Pod (FIDELITY §11, §12)', () => {
  it('fills a minimal nginx pod like kubectl get pod -o yaml shows it', () => {
    const suffix = new Prng(1).nameSuffix();
    const vol = `kube-api-access-${suffix}`;
    expect(applyDefaults(nginx(), ctx(1))).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            imagePullPolicy: 'Always',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol, readOnly: true }],
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        serviceAccount: 'default',
        serviceAccountName: 'default',
        terminationGracePeriodSeconds: 30,
        tolerations: [
          { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
          { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
        ],
        volumes: [
          {
            name: vol,
            projected: {
              defaultMode: 420,
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
                { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
              ],
            },
          },
        ],
      },
    });
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('never changes its input and is deterministic for a seed', () => {
    const input = nginx();
    const before = JSON.stringify(input);
    const a = applyDefaults(input, ctx(7));
    expect(JSON.stringify(input)).toBe(before);
    expect(applyDefaults(nginx(), ctx(7))).toEqual(a);
  });

  it('mounts the token into init containers too, but not where a mount already uses the path', () => {
    const pod = nginx();
    (pod.spec as any).initContainers = [{ name: 'init', image: 'busybox' }];
    (pod.spec as any).containers.push({ name: 'side', image: 'busybox', volumeMounts: [{ name: 'x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }] });
    const out = applyDefaults(pod, ctx()).spec as any;
    expect(out.initContainers[0].volumeMounts).toHaveLength(1);
    expect(out.containers[0].volumeMounts).toHaveLength(1);
    expect(out.containers[1].volumeMounts).toEqual([{ name: 'x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
  });

  it('skips the token when automountServiceAccountToken is false, and on update', () => {
    const pod = nginx();
    (pod.spec as any).automountServiceAccountToken = false;
    const out = applyDefaults(pod, ctx()).spec as any;
    expect(out.volumes).toBeUndefined();
    expect(out.containers[0].volumeMounts).toBeUndefined();
    const updated = applyDefaults(nginx(), { ...ctx(), operation: 'update' }).spec as any;
    expect(updated.volumes).toBeUndefined();
    expect(updated.tolerations).toHaveLength(2);
  });

  it('defaults ports, probes, env field refs, resources and volumes', () => {
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.25',
            ports: [{ containerPort: 80 }],
            env: [{ name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
            livenessProbe: { httpGet: { port: 80 } },
            readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
          },
        ],
        volumes: [{ name: 'data' }, { name: 'cfg', configMap: { name: 'c' } }, { name: 's', secret: { secretName: 's' } }, { name: 'h', hostPath: { path: '/tmp' } }],
      },
    };
    const c = (applyDefaults(pod, ctx()).spec as any).containers[0];
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.namespace' });
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe.periodSeconds).toBe(5);
    const vols = (applyDefaults(pod, ctx()).spec as any).volumes;
    expect(vols.slice(0, 4)).toEqual([
      { name: 'data', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
      { name: 's', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'h', hostPath: { path: '/tmp', type: '' } },
    ]);
  });

  it('publishes container ports on the host with hostNetwork', () => {
    const pod = nginx();
    (pod.spec as any).hostNetwork = true;
    (pod.spec as any).containers[0].ports = [{ containerPort: 8080 }];
    expect((applyDefaults(pod, ctx()).spec as any).containers[0].ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
  });
});

describe('imagePullPolicy defaulting (FIDELITY §6)', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['registry:5000/app', 'Always'],
    ['registry:5000/app:v2', 'IfNotPresent'],
    [`app@sha256:${'a'.repeat(64)}`, 'IfNotPresent'],
    [`app:latest@sha256:${'a'.repeat(64)}`, 'Always'],
    ['NGINX', 'IfNotPresent'],
  ])('%s → %s', (image, policy) => expect(defaultImagePullPolicy(image)).toBe(policy));

  it('parses registry hosts with ports, tags and digests', () => {
    expect(parseImageReference('registry:5000/team/app:1.0')).toEqual({ domain: 'registry:5000', path: 'team/app', tag: '1.0', digest: undefined });
    expect(parseImageReference('nginx')).toEqual({ domain: 'docker.io', path: 'library/nginx', tag: undefined, digest: undefined });
    expect(parseImageReference('localhost/app')?.domain).toBe('localhost');
    expect(parseImageReference('Nginx')).toBeUndefined();
  });
});

describe('applyDefaults: other kinds', () => {
  it('defaults a ClusterIP Service without allocating addresses', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } };
    expect(applyDefaults(svc, ctx()).spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
  });

  it('adds externalTrafficPolicy for NodePort and LoadBalancer services', () => {
    const np = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'w' }, spec: { type: 'NodePort', ports: [{ port: 80, targetPort: 8080 }] } }, ctx()).spec as any;
    expect(np.externalTrafficPolicy).toBe('Cluster');
    expect(np.ports[0].targetPort).toBe(8080);
    const lb = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'w' }, spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } }, ctx()).spec as any;
    expect(lb.allocateLoadBalancerNodePorts).toBe(true);
  });

  it('defaults Secret type and folds stringData into data', () => {
    const s = applyDefaults({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'pässword' } }, ctx());
    expect(s).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'Opaque', data: { password: base64Utf8('pässword') } });
    expect(base64Utf8('hello')).toBe('aGVsbG8=');
  });

  it('defaults a Namespace', () => {
    expect(applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, ctx())).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });
});
