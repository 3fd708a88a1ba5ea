#!/usr/bin/env node
// Writes the hand-written fixture objects under tests/golden/kubectl/fixtures/ as the API server
// would serve them (defaults filled in, status as the kubelet writes it). All timestamps are
// relative to FIXTURE_NOW (fixtures.mjs); the recorder shifts them to the wall clock so the real
// kubectl, which reads the real clock, prints the same ages our printers print for `now`.
// Run: node scripts/kubectl-reference/make-fixtures.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_NOW } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '../../tests/golden/kubectl/fixtures');
mkdirSync(outDir, { recursive: true });

const base = Date.parse(FIXTURE_NOW);
/** RFC 3339 timestamp `s` seconds relative to FIXTURE_NOW (negative = in the past). */
const t = (s) => new Date(base + s * 1000).toISOString().replace('.000Z', 'Z');
/** metav1.MicroTime (6 fractional digits). */
const tm = (s, micros) => new Date(base + s * 1000).toISOString().replace(/\.\d{3}Z$/, `.${String(micros).padStart(6, '0')}Z`);

const NODE = 'node01';
const HOST_IP = '172.30.1.2';
const SA_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

function kubeApiAccess(name) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  };
}

const defaultTolerations = [
  { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
  { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
];

function container(name, image, extra = {}, apiVol = 'kube-api-access-x2jsr') {
  const { volumeMounts = [], ...rest } = extra;
  return {
    image,
    imagePullPolicy: image.includes(':') && !image.endsWith(':latest') ? 'IfNotPresent' : 'Always',
    name,
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    volumeMounts: [...volumeMounts, { mountPath: SA_MOUNT, name: apiVol, readOnly: true }],
    ...rest,
  };
}

function podSpec(containers, extra = {}, apiVol = 'kube-api-access-x2jsr') {
  const { volumes = [], ...rest } = extra;
  return {
    containers,
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    nodeName: NODE,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccount: 'default',
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30,
    tolerations: defaultTolerations,
    volumes: [...volumes, kubeApiAccess(apiVol)],
    ...rest,
  };
}

function conditions(created, { ready = true, initialized = true, readyReason, readyMessage, initReason, initMessage } = {}) {
  const c = (type, ok, at, reason, message) => {
    const out = { lastProbeTime: null, lastTransitionTime: at, status: ok ? 'True' : 'False', type };
    if (!ok && reason) out.reason = reason;
    if (!ok && message) out.message = message;
    return out;
  };
  return [
    c('PodReadyToStartContainers', true, t(created + 3)),
    c('Initialized', initialized, t(created + (initialized ? 1 : 0)), initReason, initMessage),
    c('Ready', ready, t(created + 5), readyReason, readyMessage),
    c('ContainersReady', ready, t(created + 5), readyReason, readyMessage),
    c('PodScheduled', true, t(created)),
  ];
}

function meta(name, uid, created, extra = {}) {
  return {
    creationTimestamp: t(created),
    name,
    namespace: 'default',
    resourceVersion: String(1000 + Math.abs(created)),
    uid,
    ...extra,
  };
}

const cid = (seed) => 'containerd://' + seed.repeat(64).slice(0, 64);
const NGINX_IMAGE_ID = 'docker.io/library/nginx@sha256:6784fb0834aa7dbbe12e3d7471e69c290df3e6ba810dc38b34ae33d3c1c05f7d';
const BUSYBOX_IMAGE_ID = 'docker.io/library/busybox@sha256:f85340bf132ae937d2c2a763b8335c9bab35d6e8293f70f606b9c6178d84f42b';

// --- Pods -----------------------------------------------------------------------------------

const nginx = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('nginx', '5f0c2b64-5d8e-4c1a-9a4c-0b6a3d0e1a11', -600, { labels: { run: 'nginx' } }),
  spec: podSpec([container('nginx', 'nginx')]),
  status: {
    conditions: conditions(-600),
    containerStatuses: [
      {
        containerID: cid('0fe9a1'),
        image: 'docker.io/library/nginx:latest',
        imageID: NGINX_IMAGE_ID,
        lastState: {},
        name: 'nginx',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: t(-595) } },
        volumeMounts: [{ mountPath: SA_MOUNT, name: 'kube-api-access-x2jsr', readOnly: true, recursiveReadOnly: 'Disabled' }],
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    phase: 'Running',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    qosClass: 'BestEffort',
    startTime: t(-600),
  },
};

const crashUid = '7a1d3c55-0c1e-4f7e-8d43-2b9f7e6c5d22';
const crash = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('crash', crashUid, -1500, { labels: { run: 'crash' } }),
  spec: podSpec([
    container('app', 'busybox:1.36', { command: ['sh', '-c', 'echo starting; sleep 2; exit 1'] }, 'kube-api-access-7kq2m'),
  ], {}, 'kube-api-access-7kq2m'),
  status: {
    conditions: conditions(-1500, {
      ready: false,
      readyReason: 'ContainersNotReady',
      readyMessage: 'containers with unready status: [app]',
    }),
    containerStatuses: [
      {
        containerID: cid('a4c2'),
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {
          terminated: {
            containerID: cid('a4c2'),
            exitCode: 1,
            finishedAt: t(-100),
            reason: 'Error',
            startedAt: t(-102),
          },
        },
        name: 'app',
        ready: false,
        restartCount: 5,
        started: false,
        state: {
          waiting: {
            message: `back-off 2m40s restarting failed container=app pod=crash_default(${crashUid})`,
            reason: 'CrashLoopBackOff',
          },
        },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    phase: 'Running',
    podIP: '10.244.1.6',
    podIPs: [{ ip: '10.244.1.6' }],
    qosClass: 'BestEffort',
    startTime: t(-1500),
  },
};

const initPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('init-demo', '1b2c3d4e-5f60-4718-8293-a4b5c6d7e833', -45, { labels: { app: 'init-demo' } }),
  spec: podSpec(
    [container('app', 'nginx:1.25', { ports: [{ containerPort: 80, protocol: 'TCP' }] }, 'kube-api-access-m9d4f')],
    {
      initContainers: [
        container('init-db', 'busybox:1.36', { command: ['sh', '-c', 'until nslookup db.default.svc.cluster.local; do echo waiting for db; sleep 2; done; echo db is ready'] }, 'kube-api-access-m9d4f'),
        container('init-cache', 'busybox:1.36', { command: ['sh', '-c', 'sleep 5'] }, 'kube-api-access-m9d4f'),
      ],
    },
    'kube-api-access-m9d4f',
  ),
  status: {
    conditions: conditions(-45, {
      ready: false,
      initialized: false,
      readyReason: 'ContainersNotReady',
      readyMessage: 'containers with unready status: [app]',
      initReason: 'ContainersNotInitialized',
      initMessage: 'containers with incomplete status: [init-db init-cache]',
    }),
    containerStatuses: [
      {
        image: 'nginx:1.25',
        imageID: '',
        lastState: {},
        name: 'app',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'PodInitializing' } },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    initContainerStatuses: [
      {
        containerID: cid('b71e'),
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {},
        name: 'init-db',
        ready: false,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: t(-42) } },
      },
      {
        image: 'busybox:1.36',
        imageID: '',
        lastState: {},
        name: 'init-cache',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'PodInitializing' } },
      },
    ],
    phase: 'Pending',
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }],
    qosClass: 'BestEffort',
    startTime: t(-45),
  },
};

const sidecar = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('sidecar-demo', '9e8d7c6b-5a49-4382-9170-f6e5d4c3b244', -7200, {
    labels: { app: 'sidecar-demo', 'pod-template-hash': '6d4cf56db6' },
    ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'ReplicaSet', name: 'sidecar-demo-6d4cf56db6', uid: 'aa8d7c6b-5a49-4382-9170-f6e5d4c3b2ff' }],
  }),
  spec: podSpec(
    [
      container('app', 'nginx:1.25', {
        volumeMounts: [{ mountPath: '/var/log/nginx', name: 'logs' }],
      }, 'kube-api-access-h5r8t'),
    ],
    {
      initContainers: [
        container('log-shipper', 'busybox:1.36', {
          command: ['sh', '-c', 'tail -F /logs/access.log'],
          restartPolicy: 'Always',
          volumeMounts: [{ mountPath: '/logs', name: 'logs' }],
        }, 'kube-api-access-h5r8t'),
      ],
      volumes: [{ emptyDir: {}, name: 'logs' }],
      priorityClassName: 'high',
      readinessGates: [{ conditionType: 'example.com/feature-ready' }, { conditionType: 'example.com/lb-ready' }],
    },
    'kube-api-access-h5r8t',
  ),
  status: {
    conditions: [...conditions(-7200), { lastProbeTime: null, lastTransitionTime: t(-7000), status: 'True', type: 'example.com/feature-ready' }],
    containerStatuses: [
      {
        containerID: cid('c3d4'),
        image: 'docker.io/library/nginx:1.25',
        imageID: NGINX_IMAGE_ID,
        lastState: {},
        name: 'app',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: t(-7190) } },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    initContainerStatuses: [
      {
        containerID: cid('e5f6'),
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {
          terminated: {
            containerID: cid('e5f7'),
            exitCode: 137,
            finishedAt: t(-499),
            reason: 'Error',
            startedAt: t(-7195),
          },
        },
        name: 'log-shipper',
        ready: true,
        restartCount: 1,
        started: true,
        state: { running: { startedAt: t(-498) } },
      },
    ],
    phase: 'Running',
    podIP: '10.244.1.8',
    podIPs: [{ ip: '10.244.1.8' }],
    qosClass: 'BestEffort',
    startTime: t(-7200),
  },
};

const terminating = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('sleeper', '3c4d5e6f-7081-4293-a4b5-c6d7e8f90a55', -200000, {
    deletionGracePeriodSeconds: 30,
    deletionTimestamp: t(25),
    labels: { run: 'sleeper' },
  }),
  spec: podSpec([container('sleeper', 'busybox:1.36', { command: ['sleep', '3600'] }, 'kube-api-access-q8w2z')], {}, 'kube-api-access-q8w2z'),
  status: {
    conditions: conditions(-200000),
    containerStatuses: [
      {
        containerID: cid('d9e8'),
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {},
        name: 'sleeper',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: t(-199990) } },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    phase: 'Running',
    podIP: '10.244.1.9',
    podIPs: [{ ip: '10.244.1.9' }],
    qosClass: 'BestEffort',
    startTime: t(-200000),
  },
};

// Succeeded pod being deleted: deletion time passed (lasts Ns) and kubectl keeps `Completed`.
const done = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('job-done', '4d5e6f70-8192-4a3b-b5c6-d7e8f90a1b66', -3700, {
    deletionGracePeriodSeconds: 0,
    deletionTimestamp: t(-5),
    finalizers: ['example.com/keep'],
    labels: { run: 'job-done' },
  }),
  spec: podSpec([container('main', 'busybox:1.36', { command: ['sh', '-c', 'echo done'] }, 'kube-api-access-p2l7c')], { restartPolicy: 'Never' }, 'kube-api-access-p2l7c'),
  status: {
    conditions: [
      { lastProbeTime: null, lastTransitionTime: t(-3690), status: 'False', type: 'PodReadyToStartContainers' },
      { lastProbeTime: null, lastTransitionTime: t(-3700), reason: 'PodCompleted', status: 'True', type: 'Initialized' },
      { lastProbeTime: null, lastTransitionTime: t(-3690), reason: 'PodCompleted', status: 'False', type: 'Ready' },
      { lastProbeTime: null, lastTransitionTime: t(-3690), reason: 'PodCompleted', status: 'False', type: 'ContainersReady' },
      { lastProbeTime: null, lastTransitionTime: t(-3700), status: 'True', type: 'PodScheduled' },
    ],
    containerStatuses: [
      {
        containerID: cid('f1a2'),
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {},
        name: 'main',
        ready: false,
        restartCount: 0,
        started: false,
        state: {
          terminated: {
            containerID: cid('f1a2'),
            exitCode: 0,
            finishedAt: t(-3692),
            reason: 'Completed',
            startedAt: t(-3693),
          },
        },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    phase: 'Succeeded',
    podIP: '10.244.1.10',
    podIPs: [{ ip: '10.244.1.10' }],
    qosClass: 'BestEffort',
    startTime: t(-3700),
  },
};

const pullUid = '6f708192-a3b4-4c5d-8e6f-708192a3b477';
const badImage = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('bad-image', pullUid, -130, { labels: { run: 'bad-image' } }),
  spec: podSpec([container('bad-image', 'nginx:nope', {}, 'kube-api-access-t6v9n')], {}, 'kube-api-access-t6v9n'),
  status: {
    conditions: conditions(-130, {
      ready: false,
      readyReason: 'ContainersNotReady',
      readyMessage: 'containers with unready status: [bad-image]',
    }),
    containerStatuses: [
      {
        image: 'nginx:nope',
        imageID: '',
        lastState: {},
        name: 'bad-image',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { message: 'Back-off pulling image "nginx:nope"', reason: 'ImagePullBackOff' } },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    phase: 'Pending',
    podIP: '10.244.1.11',
    podIPs: [{ ip: '10.244.1.11' }],
    qosClass: 'BestEffort',
    startTime: t(-130),
  },
};

const webUid = '8192a3b4-c5d6-4e7f-9081-92a3b4c5d688';
const web = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('web', webUid, -11000, {
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration':
        '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"}}\n',
      'example.com/owner': 'team-a',
      'example.com/description':
        'A fairly long annotation value that goes on and on so that the describe printer has to cut it somewhere past the one hundred and forty character mark.',
      'example.com/multi': 'line one\nline two',
    },
    labels: { app: 'web', tier: 'frontend', 'app.kubernetes.io/version': '1.25' },
  }),
  spec: podSpec(
    [
      container(
        'app',
        'nginx:1.25',
        {
          env: [
            { name: 'MODE', value: 'production' },
            { name: 'GREETING', valueFrom: { configMapKeyRef: { key: 'greeting', name: 'cfg' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'creds', optional: true } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'MULTI', value: 'first\nsecond' },
            { name: 'LONG', value: 'a value that is long enough to be folded by the YAML emitter because it goes past eighty columns' },
            { name: 'MEM_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', divisor: '1Mi', resource: 'limits.memory' } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', divisor: '1', resource: 'limits.cpu' } } },
            { name: 'POD_LABELS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } } },
          ],
          envFrom: [{ configMapRef: { name: 'cfg' } }, { prefix: 'DB_', secretRef: { name: 'creds' } }],
          livenessProbe: {
            exec: { command: ['cat', '/tmp/healthy'] },
            failureThreshold: 3,
            initialDelaySeconds: 5,
            periodSeconds: 5,
            successThreshold: 1,
            timeoutSeconds: 1,
          },
          ports: [
            { containerPort: 80, name: 'http', protocol: 'TCP' },
            { containerPort: 443, name: 'https', protocol: 'TCP' },
          ],
          readinessProbe: {
            failureThreshold: 3,
            httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
            initialDelaySeconds: 3,
            periodSeconds: 3,
            successThreshold: 1,
            timeoutSeconds: 1,
          },
          resources: { limits: { memory: '128Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
          startupProbe: {
            failureThreshold: 30,
            periodSeconds: 10,
            successThreshold: 1,
            tcpSocket: { port: 'http' },
            timeoutSeconds: 1,
          },
          volumeMounts: [
            { mountPath: '/etc/app', name: 'cfg', readOnly: true },
            { mountPath: '/etc/secret/password', name: 'creds', readOnly: true, subPath: 'password' },
            { mountPath: '/cache', name: 'cache' },
          ],
        },
        'kube-api-access-x7k9p',
      ),
      container(
        'logger',
        'busybox:1.36',
        {
          args: ['while true; do\n  date >> /var/log/app/out.log\n  sleep 5\ndone'],
          command: ['sh', '-c'],
          ports: [{ containerPort: 9000, hostPort: 9000, protocol: 'UDP' }],
          volumeMounts: [
            { mountPath: '/var/log/app', name: 'host-logs' },
            { mountPath: '/cache', name: 'cache', readOnly: true },
          ],
        },
        'kube-api-access-x7k9p',
      ),
    ],
    {
      nodeSelector: { disktype: 'ssd' },
      volumes: [
        { configMap: { defaultMode: 420, name: 'cfg' }, name: 'cfg' },
        { name: 'creds', secret: { defaultMode: 420, optional: true, secretName: 'creds' } },
        { emptyDir: { medium: 'Memory', sizeLimit: '64Mi' }, name: 'cache' },
        { hostPath: { path: '/var/log/web', type: 'DirectoryOrCreate' }, name: 'host-logs' },
      ],
    },
    'kube-api-access-x7k9p',
  ),
  status: {
    conditions: conditions(-11000),
    containerStatuses: [
      {
        containerID: cid('1a2b'),
        image: 'docker.io/library/nginx:1.25',
        imageID: NGINX_IMAGE_ID,
        lastState: {},
        name: 'app',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: t(-10990) } },
      },
      {
        containerID: cid('3c4d'),
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {},
        name: 'logger',
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: t(-10988) } },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    phase: 'Running',
    podIP: '10.244.1.12',
    podIPs: [{ ip: '10.244.1.12' }],
    qosClass: 'Burstable',
    startTime: t(-11000),
  },
};

// Never scheduled: no status beyond PodScheduled=False, no container statuses.
const pending = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('big', '92a3b4c5-d6e7-4f80-a192-a3b4c5d6e799', -30, {}),
  spec: (() => {
    const s = podSpec([container('big', 'nginx', { resources: { limits: { cpu: '64', memory: '1Ti' }, requests: { cpu: '64', memory: '1Ti' } } }, 'kube-api-access-b4n8s')], {}, 'kube-api-access-b4n8s');
    delete s.nodeName;
    return s;
  })(),
  status: {
    conditions: [
      {
        lastProbeTime: null,
        lastTransitionTime: t(-30),
        message:
          '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..',
        reason: 'Unschedulable',
        status: 'False',
        type: 'PodScheduled',
      },
    ],
    phase: 'Pending',
    qosClass: 'Guaranteed',
  },
};

// --- Services, endpoints ------------------------------------------------------------------

const svc = (name, uid, created, spec, extra = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name, uid, created, extra),
  spec: {
    internalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    sessionAffinity: 'None',
    ...spec,
  },
  status: { loadBalancer: {} },
});

const services = [
  svc('kubernetes', 'a3b4c5d6-e7f8-4091-a2b3-c4d5e6f7a800', -900000, {
    clusterIP: '10.96.0.1',
    clusterIPs: ['10.96.0.1'],
    ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    type: 'ClusterIP',
  }, { labels: { component: 'apiserver', provider: 'kubernetes' } }),
  svc('nginx', 'b4c5d6e7-f809-4a1b-b3c4-d5e6f7a8b911', -580, {
    clusterIP: '10.97.104.68',
    clusterIPs: ['10.97.104.68'],
    ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    selector: { run: 'nginx' },
    type: 'ClusterIP',
  }, { labels: { run: 'nginx' } }),
  svc('web', 'c5d6e7f8-0912-4b2c-84d5-e6f7a8b9ca22', -10000, {
    clusterIP: '10.103.5.7',
    clusterIPs: ['10.103.5.7'],
    externalTrafficPolicy: 'Cluster',
    ports: [
      { name: 'http', nodePort: 31539, port: 80, protocol: 'TCP', targetPort: 'http' },
      { name: 'metrics', nodePort: 30900, port: 9000, protocol: 'UDP', targetPort: 9000 },
    ],
    selector: { app: 'web', tier: 'frontend' },
    type: 'NodePort',
  }, { annotations: { 'example.com/owner': 'team-a' }, labels: { app: 'web' } }),
  svc('ext', 'd6e7f809-1a2b-4c3d-95e6-f7a8b9cadb33', -86400 * 3, {
    externalName: 'example.com',
    sessionAffinity: 'None',
    type: 'ExternalName',
  }),
  svc('lb', 'e7f8091a-2b3c-4d4e-a6f7-a8b9cadbec44', -86400 * 40, {
    allocateLoadBalancerNodePorts: true,
    clusterIP: '10.104.9.9',
    clusterIPs: ['10.104.9.9'],
    externalTrafficPolicy: 'Local',
    healthCheckNodePort: 32100,
    ports: [{ nodePort: 30080, port: 8080, protocol: 'TCP', targetPort: 8080 }],
    selector: { app: 'lb' },
    type: 'LoadBalancer',
  }),
];
for (const s of services) if (s.spec.type === 'ExternalName') {
  delete s.spec.internalTrafficPolicy; delete s.spec.ipFamilies; delete s.spec.ipFamilyPolicy;
}

const endpoints = [
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('kubernetes', 'f8091a2b-3c4d-4e5f-b7a8-b9cadbecfd55', -900000, { labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }),
    subsets: [{ addresses: [{ ip: HOST_IP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('nginx', '091a2b3c-4d5e-4f60-88b9-cadbecfd0e66', -580, { labels: { run: 'nginx' } }),
    subsets: [
      {
        addresses: [{ ip: '10.244.1.5', nodeName: NODE, targetRef: { kind: 'Pod', name: 'nginx', namespace: 'default', uid: nginx.metadata.uid } }],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ],
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('web', '1a2b3c4d-5e6f-4071-99ca-dbecfd0e1f77', -10000, { labels: { app: 'web' } }),
    subsets: [
      {
        addresses: ['10.244.1.12', '10.244.1.13', '10.244.2.4', '10.244.2.5'].map((ip) => ({ ip, nodeName: NODE })),
        notReadyAddresses: [{ ip: '10.244.3.3', nodeName: NODE }],
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'metrics', port: 9000, protocol: 'UDP' },
        ],
      },
    ],
  },
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('lb', '2b3c4d5e-6f70-4182-aadb-ecfd0e1f2088', -86400 * 40, {}),
  },
];

// --- Events --------------------------------------------------------------------------------

let evSeq = 0;
function ev(obj, reason, type, message, { first, last = first, count = 1, component = 'kubelet', fieldPath, host = NODE } = {}) {
  evSeq += 1;
  const name = `${obj.metadata.name}.${(0x17d8a0000000000 + evSeq * 0x1000000).toString(16)}`;
  const e = {
    apiVersion: 'v1',
    count,
    eventTime: null,
    firstTimestamp: t(first),
    involvedObject: {
      apiVersion: 'v1',
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: 'default',
      resourceVersion: obj.metadata.resourceVersion,
      uid: obj.metadata.uid,
    },
    kind: 'Event',
    lastTimestamp: t(last),
    message,
    metadata: { creationTimestamp: t(first), name, namespace: 'default', resourceVersion: String(5000 + evSeq), uid: `e0000000-0000-4000-8000-${String(evSeq).padStart(12, '0')}` },
    reason,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? NODE : '',
    source: component === 'kubelet' ? { component, host } : { component },
    type,
  };
  if (fieldPath) e.involvedObject.fieldPath = fieldPath;
  return e;
}

// The scheduler writes events through events.k8s.io/v1: eventTime set, no first/lastTimestamp,
// empty source, reportingComponent set. core/v1 serves them like this.
function schedEvent(obj, at, micros) {
  evSeq += 1;
  const name = `${obj.metadata.name}.${(0x17d8a0000000000 + evSeq * 0x1000000).toString(16)}`;
  return {
    action: 'Binding',
    apiVersion: 'v1',
    eventTime: tm(at, micros),
    firstTimestamp: null,
    involvedObject: {
      apiVersion: 'v1',
      kind: 'Pod',
      name: obj.metadata.name,
      namespace: 'default',
      resourceVersion: obj.metadata.resourceVersion,
      uid: obj.metadata.uid,
    },
    kind: 'Event',
    lastTimestamp: null,
    message: `Successfully assigned default/${obj.metadata.name} to ${NODE}`,
    metadata: { creationTimestamp: t(at), name, namespace: 'default', resourceVersion: String(5000 + evSeq), uid: `e0000000-0000-4000-8000-${String(evSeq).padStart(12, '0')}` },
    reason: 'Scheduled',
    reportingComponent: 'default-scheduler',
    reportingInstance: 'default-scheduler-controlplane',
    source: {},
    type: 'Normal',
  };
}

const events = [
  schedEvent(nginx, -600, 1234),
  ev(nginx, 'Pulling', 'Normal', 'Pulling image "nginx"', { first: -599, fieldPath: 'spec.containers{nginx}' }),
  ev(nginx, 'Pulled', 'Normal', 'Successfully pulled image "nginx" in 1.561s (1.561s including waiting). Image size: 72319283 bytes.', { first: -597, fieldPath: 'spec.containers{nginx}' }),
  ev(nginx, 'Created', 'Normal', 'Created container nginx', { first: -596, fieldPath: 'spec.containers{nginx}' }),
  ev(nginx, 'Started', 'Normal', 'Started container nginx', { first: -595, fieldPath: 'spec.containers{nginx}' }),
  schedEvent(crash, -1500, 5678),
  ev(crash, 'Pulled', 'Normal', 'Container image "busybox:1.36" already present on machine', { first: -1499, last: -102, count: 6, fieldPath: 'spec.containers{app}' }),
  ev(crash, 'Created', 'Normal', 'Created container app', { first: -1499, last: -102, count: 6, fieldPath: 'spec.containers{app}' }),
  ev(crash, 'Started', 'Normal', 'Started container app', { first: -1498, last: -102, count: 6, fieldPath: 'spec.containers{app}' }),
  ev(crash, 'BackOff', 'Warning', `Back-off restarting failed container app in pod crash_default(${crashUid})`, { first: -1480, last: -15, count: 11, fieldPath: 'spec.containers{app}' }),
  schedEvent(badImage, -130, 500),
  ev(badImage, 'Pulling', 'Normal', 'Pulling image "nginx:nope"', { first: -129, last: -40, count: 4, fieldPath: 'spec.containers{bad-image}' }),
  ev(badImage, 'Failed', 'Warning', 'Failed to pull image "nginx:nope": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nope": failed to resolve reference "docker.io/library/nginx:nope": docker.io/library/nginx:nope: not found', { first: -128, last: -39, count: 4, fieldPath: 'spec.containers{bad-image}' }),
  ev(badImage, 'Failed', 'Warning', 'Error: ErrImagePull', { first: -128, last: -39, count: 4, fieldPath: 'spec.containers{bad-image}' }),
  ev(badImage, 'BackOff', 'Normal', 'Back-off pulling image "nginx:nope"', { first: -127, last: -3, count: 7, fieldPath: 'spec.containers{bad-image}' }),
  ev(badImage, 'Failed', 'Warning', 'Error: ImagePullBackOff', { first: -127, last: -3, count: 7, fieldPath: 'spec.containers{bad-image}' }),
  ev(terminating, 'Killing', 'Normal', 'Stopping container sleeper', { first: -5, fieldPath: 'spec.containers{sleeper}' }),
  ev(web, 'Unhealthy', 'Warning', 'Readiness probe failed: Get "http://10.244.1.12:8080/healthz": dial tcp 10.244.1.12:8080: connect: connection refused', { first: -10995, last: -10989, count: 3, fieldPath: 'spec.containers{app}' }),
  { ...ev(services[2], 'Type', 'Normal', 'ClusterIP -> NodePort', { first: -9000, component: 'service-controller' }) },
  (() => {
    // An events.k8s.io event with a series, as core/v1 shows it: no first/lastTimestamp, no count.
    const e = schedEvent(web, -300, 2000);
    return { ...e, action: 'Sync', message: 'Pod web synced with the load balancer', reason: 'Synced', reportingComponent: 'example.com/lb-controller', reportingInstance: 'lb-controller-7f9c', series: { count: 4, lastObservedTime: tm(-20, 3000) } };
  })(),
];
// Events keep etcd (name) order in list responses, like the API server.
events.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));

// --- Other kinds ---------------------------------------------------------------------------

const configmaps = [
  {
    apiVersion: 'v1',
    data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIQ0FGQUtFQ0EwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n' },
    kind: 'ConfigMap',
    metadata: {
      annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' },
      ...meta('kube-root-ca.crt', '3c4d5e6f-7081-4293-9bec-fd0e1f203199', -900000),
    },
  },
  {
    apiVersion: 'v1',
    data: { greeting: 'hello', 'app.properties': 'color=blue\nsize=10\n' },
    kind: 'ConfigMap',
    metadata: meta('cfg', '4d5e6f70-8192-4a3b-acfd-0e1f2031a2aa', -12000),
  },
  {
    apiVersion: 'v1',
    // Values chosen to exercise every quoting rule of the YAML emitter kubectl uses (go-yaml v2).
    data: {
      port: '80', bool: 'true', yes: 'yes', On: 'On', n: 'n', Y: 'Y', nul: 'null', tilde: '~', empty: '',
      float: '1.5', exp: '1e3', hex: '0x1F', octal: '0o17', octal2: '017', bin: '0b101', under: '1_000', sexa: '12:30', inf: '.inf', nan: '.NaN', plus: '+1', neg: '-1', dot5: '.5',
      date: '2025-06-13', ts: '2025-06-13T08:50:00Z', ver: '1.25', ver3: '1.2.3',
      colon: 'a: b', colon2: 'a:b', colonEnd: 'x:', hash: 'a #b', hash2: 'a#b', lead_hash: '#x', dash: '- x', dash2: '-x', dashonly: '-',
      amp: '&anchor', star: '*alias', bang: '!tag', pct: '%pct', at: '@at', bt: '`bt', brace: '{x}', bracket: '[x]', comma: ',x', comma2: 'a,b', q: '?x', q2: 'a?', colonLead: ':x', pipe: '|x', gt: '>x',
      sq: "it's", dq: 'say "hi"', sqlead: "'x'", dqlead: '"x"', lead_space: ' lead', trail_space: 'trail ', tab: 'tab\there', tabend: 'tab\t',
      multi: 'line1\nline2', multi_nl: 'line1\nline2\n', multi_2nl: 'line1\n\n', multi_indent: '  indented\nnext', multi_trail: 'a \nb', only_nl: '\n',
      unicode: 'héllo wörld', cjk: '日本語', emoji: 'ok 👍', nbsp: 'a\u00a0b', ls: 'a\u2028b',
      long: 'This is a long value with spaces that is longer than eighty characters so we can see whether it is folded or not.',
      longword: 'x'.repeat(100), html: '<none> & "x" > y', none: '<none>', a10: 'k', a9: 'k', a_b: 'k', aB: 'k', A: 'k', 'b-1': 'k', 'b.1': 'k', b1: 'k', b01: 'k', b001: 'k', '1': 'k', '10': 'k', '2': 'k', Ab: 'k', _x: 'k',
    },
    kind: 'ConfigMap',
    metadata: meta('tricky', '5e6f7081-92a3-4b4c-bd0e-1f2031a2b3bb', -60, { labels: { 'app.kubernetes.io/name': 'tricky' } }),
  },
];

// go-yaml refuses some characters outright; each gets its own object so the others still print.
for (const [name, value] of [['tricky-ctrl', 'bell\u0007'], ['tricky-del', 'x\u007f'], ['tricky-bom', '\ufeffbom']]) {
  configmaps.push({ apiVersion: 'v1', data: { value }, kind: 'ConfigMap', metadata: meta(name, `7e6f7081-92a3-4b4c-bd0e-1f2031a2b3${name.length}${name.charCodeAt(7) % 10}`, -60) });
}

// EndpointSlices (kubectl v1.32 describe service reads these, not Endpoints).
function slice(svcName, suffix, ports, endpoints) {
  return {
    addressType: 'IPv4',
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: endpoints.map(([ip, ready]) => ({
      addresses: [ip],
      conditions: { ready, serving: ready, terminating: false },
      nodeName: NODE,
    })),
    kind: 'EndpointSlice',
    metadata: meta(`${svcName}-${suffix}`, `8f708192-a3b4-4c5d-9e6f-${String(suffix.length).padStart(2, '0')}${svcName.padEnd(10, '0').slice(0, 10).replace(/[^0-9a-f]/g, 'a')}`, -500, {
      generateName: `${svcName}-`,
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svcName },
    }),
    ports,
  };
}
const endpointslices = [
  slice('kubernetes', 'kub1', [{ name: 'https', port: 6443, protocol: 'TCP' }], [[HOST_IP, true]]),
  slice('lb', 'x7d2q', [{ name: '', port: 8080, protocol: 'TCP' }], [['10.244.2.1', true], ['10.244.2.2', true], ['10.244.2.3', true], ['10.244.2.9', false]]),
  slice('nginx', 'p4k8z', [{ name: '', port: 80, protocol: 'TCP' }], [['10.244.1.5', true]]),
  slice('web', 'm2n5b', [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9000, protocol: 'UDP' }], [['10.244.1.12', true], ['10.244.1.13', true], ['10.244.2.4', true], ['10.244.3.3', false], ['10.244.2.5', true]]),
];

const secrets = [
  {
    apiVersion: 'v1',
    data: { password: 'czNjcjN0', username: 'YWRtaW4=' },
    kind: 'Secret',
    metadata: meta('creds', '6f708192-a3b4-4c5d-8e1f-2031a2b3c4cc', -12000),
    type: 'Opaque',
  },
  {
    apiVersion: 'v1',
    data: { '.dockerconfigjson': 'eyJhdXRocyI6e319' },
    kind: 'Secret',
    metadata: meta('regcred', '708192a3-b4c5-4d6e-9f20-31a2b3c4d5dd', -86400 * 2),
    type: 'kubernetes.io/dockerconfigjson',
  },
];

const ns = (name, uid, created) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { creationTimestamp: t(created), labels: { 'kubernetes.io/metadata.name': name }, name, resourceVersion: '20', uid },
  spec: { finalizers: ['kubernetes'] },
  status: { phase: 'Active' },
});
const namespaces = [
  ns('default', '8192a3b4-c5d6-4e7f-a031-a2b3c4d5e6ee', -900000),
  ns('kube-node-lease', '92a3b4c5-d6e7-4f80-b1a2-b3c4d5e6f7ff', -900000),
  ns('kube-public', 'a3b4c5d6-e7f8-4091-82b3-c4d5e6f7a800', -900000),
  ns('kube-system', 'b4c5d6e7-f809-4a1b-93c4-d5e6f7a8b911', -900000),
  { ...ns('old-lab', 'c5d6e7f8-0912-4b2c-a4d5-e6f7a8b9ca22', -400), metadata: { ...ns('old-lab', 'c5d6e7f8-0912-4b2c-a4d5-e6f7a8b9ca22', -400).metadata, deletionTimestamp: t(-3) }, status: { phase: 'Terminating' } },
];

const nodes = [
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
      creationTimestamp: t(-900000),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': NODE,
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/control-plane': '',
        disktype: 'ssd',
      },
      name: NODE,
      resourceVersion: '4242',
      uid: 'd6e7f809-1a2b-4c3d-b5e6-f7a8b9cadb33',
    },
    spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] },
    status: {
      addresses: [
        { address: HOST_IP, type: 'InternalIP' },
        { address: NODE, type: 'Hostname' },
      ],
      allocatable: { cpu: '2', memory: '3900Mi', pods: '110' },
      capacity: { cpu: '2', memory: '4000Mi', pods: '110' },
      conditions: [
        { lastHeartbeatTime: t(-20), lastTransitionTime: t(-900000), message: 'kubelet has sufficient memory available', reason: 'KubeletHasSufficientMemory', status: 'False', type: 'MemoryPressure' },
        { lastHeartbeatTime: t(-20), lastTransitionTime: t(-899000), message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '6.8.0-60-generic',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.32.5',
        machineID: '0123456789abcdef0123456789abcdef',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.2 LTS',
        systemUUID: '01234567-89ab-cdef-0123-456789abcdef',
      },
    },
  },
];

const evicted = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: meta('evicted', 'a1b2c3d4-e5f6-4718-9293-a4b5c6d7e8aa', -5400, { labels: { run: 'evicted' } }),
  spec: podSpec([container('hog', 'busybox:1.36', { command: ['sh', '-c', 'tail /dev/zero'] }, 'kube-api-access-z9x8c')], {}, 'kube-api-access-z9x8c'),
  status: {
    conditions: [
      { lastProbeTime: null, lastTransitionTime: t(-600), message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi.', reason: 'TerminationByKubelet', status: 'True', type: 'DisruptionTarget' },
      { lastProbeTime: null, lastTransitionTime: t(-590), status: 'False', type: 'PodReadyToStartContainers' },
      { lastProbeTime: null, lastTransitionTime: t(-5400), status: 'True', type: 'Initialized' },
      { lastProbeTime: null, lastTransitionTime: t(-590), reason: 'PodFailed', status: 'False', type: 'Ready' },
      { lastProbeTime: null, lastTransitionTime: t(-590), reason: 'PodFailed', status: 'False', type: 'ContainersReady' },
      { lastProbeTime: null, lastTransitionTime: t(-5400), status: 'True', type: 'PodScheduled' },
    ],
    containerStatuses: [
      {
        image: 'docker.io/library/busybox:1.36',
        imageID: BUSYBOX_IMAGE_ID,
        lastState: {},
        name: 'hog',
        ready: false,
        restartCount: 0,
        started: false,
        state: {
          terminated: {
            exitCode: 137,
            finishedAt: null,
            message: 'The container could not be located when the pod was terminated',
            reason: 'ContainerStatusUnknown',
            startedAt: null,
          },
        },
      },
    ],
    hostIP: HOST_IP,
    hostIPs: [{ ip: HOST_IP }],
    message: 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 90Mi. Container hog was using 3Gi, request is 0, has larger consumption of memory. ',
    phase: 'Failed',
    qosClass: 'BestEffort',
    reason: 'Evicted',
    startTime: t(-5400),
  },
};

const pods = [nginx, crash, initPod, sidecar, terminating, done, badImage, web, pending, evicted];
pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));

const out = { pods, services, endpoints, endpointslices, events, configmaps, secrets, namespaces, nodes };
for (const [kind, items] of Object.entries(out)) {
  writeFileSync(join(outDir, `${kind}.json`), JSON.stringify(items, null, 2) + '\n');
}
console.log(`wrote ${Object.keys(out).length} fixture files to ${outDir}`);
