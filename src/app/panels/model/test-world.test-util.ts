/** A headless cluster and workstation for the panel model tests: run shell lines in virtual time. */
import { Cluster } from '../../../sim/cluster';
import { Workstation } from '../../../sim/workstation/workstation';
import { HomeFiles } from '../../../sim/workstation/files';
import { driveHeadless } from '../../../sim/workstation/driver';

export const START = Date.UTC(2025, 0, 15, 10, 0, 0);

export function world(seed = 1) {
  const cluster = new Cluster({ seed, start: START, traceLogs: true });
  let out = '';
  const ws = new Workstation(cluster, new HomeFiles(), { out: (t) => void (out += t), err: (t) => void (out += t) });
  return {
    cluster,
    run(line: string): string {
      out = '';
      driveHeadless(ws.run(line), cluster);
      return out;
    },
  };
}

export function podYaml(name: string, body: string): string {
  return `cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  labels:\n    app: ${name}\n${body}\nEOF`;
}

export const TWO_CONTAINERS = podYaml(
  'mc1',
  `spec:
  volumes:
  - name: html
    emptyDir: {}
  initContainers:
  - name: setup
    image: busybox:1.36
    command: ["sh", "-c", "echo preparing; sleep 2; echo ready > /html/state"]
    volumeMounts:
    - name: html
      mountPath: /html
  - name: logger
    image: busybox:1.36
    restartPolicy: Always
    command: ["sh", "-c", "while true; do echo tick; sleep 5; done"]
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: 80
      name: http
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "while true; do date >> /html/index.html; echo wrote; sleep 1; done"]
    volumeMounts:
    - name: html
      mountPath: /html`,
);

export const CRASHER = podYaml(
  'crash',
  `spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; exit 3"]`,
);
