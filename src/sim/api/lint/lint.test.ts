import { describe, expect, it } from 'vitest';
import { parseManifests } from '../manifest';
import { lintDocuments } from './index';

const lint = (text: string) => lintDocuments(parseManifests(text, 'pod.yaml')).map((d) => ({ line: d.line, column: d.column, rule: d.source, message: d.message }));

describe('lint: semantic warnings on exact lines', () => {
  it('a clean two-container pod has no warnings', () => {
    expect(
      lint(`apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  volumes:
  - name: html
    emptyDir: {}
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    readinessProbe:
      httpGet:
        port: 80
    volumeMounts:
    - name: html
      mountPath: /usr/share/nginx/html
  - name: writer
    image: busybox:1.36
    command: ["sh", "-c", "while true; do date > /html/index.html; sleep 1; done"]
    volumeMounts:
    - name: html
      mountPath: /html
`),
    ).toEqual([]);
  });

  it('volumeMount naming a missing volume', () => {
    const w = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
  - name: data
    emptyDir: {}
  containers:
  - name: app
    image: busybox
    volumeMounts:
    - name: dat
      mountPath: /data
`);
    expect(w).toEqual([{ line: 13, column: 7, rule: 'lint/volume-mount-missing-volume', message: 'volumeMount "dat" of container "app" names no volume in spec.volumes (the Pod\'s volumes are "data")' }]);
  });

  it('two containers on one port: declared, and implied by a known image', () => {
    const w = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: nginx
    ports:
    - containerPort: 80
  - name: b
    image: busybox
    command: ["httpd", "-f", "-p", "80"]
    ports:
    - containerPort: 80
  - name: c
    image: nginx:1.27
`);
    expect(w.map((x) => [x.line, x.rule])).toEqual([
      [15, 'lint/port-conflict'],
      [17, 'lint/port-conflict'],
    ]);
    expect(w[0].message).toBe('containers "a" and "b" both listen on port 80/TCP: they share the Pod\'s network namespace, so "b", which listens there too, cannot bind it');
    expect(w[1].message).toContain('"c", which listens (nginx:1.27 does by default) there too');
  });

  it('init containers run one after another and never conflict with app ports', () => {
    expect(
      lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: setup
    image: nginx
    command: ["sh", "-c", "echo hi"]
    ports:
    - containerPort: 80
  containers:
  - name: web
    image: nginx
`),
    ).toEqual([]);
  });

  it('probe on a port nothing listens on (known image), and on a named port that does not exist', () => {
    const w = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: web
    image: nginx
    livenessProbe:
      httpGet:
        path: /
        port: 8080
    readinessProbe:
      tcpSocket:
        port: http
`);
    expect(w).toEqual([
      { line: 12, column: 9, rule: 'lint/probe-port', message: 'livenessProbe checks port 8080, but nothing in the Pod listens there (nginx listens on 80): the probe will fail' },
      { line: 15, column: 9, rule: 'lint/probe-port', message: 'readinessProbe port "http" names no port of container "web" (it has no named ports): the kubelet cannot resolve it and the probe fails' },
    ]);
  });

  it('probe on a port a sibling container serves is fine (shared network namespace)', () => {
    expect(
      lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: web
    image: nginx
  - name: sidecar
    image: busybox
    command: ["sleep", "3600"]
    readinessProbe:
      tcpSocket:
        port: 80
`),
    ).toEqual([]);
  });

  it('probe on an undeclared port of a custom command is a softer warning', () => {
    const w = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: python:3.12
    command: ["python", "-m", "http.server", "8000"]
    ports:
    - containerPort: 8000
    readinessProbe:
      httpGet:
        port: 9000
`);
    expect(w).toEqual([
      { line: 14, column: 9, rule: 'lint/probe-port', message: 'readinessProbe checks port 9000, which no container of the Pod declares as a containerPort (container "app" declares 8000): make sure something listens there' },
    ]);
  });

  it('init container that never exits; a native sidecar doing the same is fine', () => {
    const w = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: wait
    image: busybox
    command: ["sleep", "infinity"]
  - name: follow
    image: busybox
    args: ["tail", "-f", "/dev/null"]
  - name: loop
    image: busybox
    command: ["sh", "-c", "while true; do echo x; sleep 1; done"]
  - name: until-ready
    image: busybox
    command: ["sh", "-c", "while true; do nslookup db && break; sleep 2; done"]
  - name: server
    image: redis:7
  - name: logger
    image: busybox
    restartPolicy: Always
    command: ["sleep", "infinity"]
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
`);
    expect(w.map((x) => [x.line, x.rule])).toEqual([
      [9, 'lint/init-never-exits'],
      [12, 'lint/init-never-exits'],
      [15, 'lint/init-never-exits'],
      [20, 'lint/init-never-exits'],
    ]);
    expect(w[0].message).toBe('init container "wait" never exits (sleep infinity): the app containers wait for it, so the Pod stays in Init. For a helper that runs alongside the app, make it a sidecar (restartPolicy: Always)');
    expect(w[3].message).toContain("(redis:7's default command, a server)");
  });

  it('image or tag not in the catalogue', () => {
    const w = lint(`apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: mysql:8
  - name: b
    image: nginx:0.1
  - name: c
    image: docker.io/library/busybox:1.36
`);
    expect(w.map((x) => [x.line, x.column])).toEqual([
      [8, 5],
      [10, 5],
    ]);
    expect(w[0].message).toMatch(/^image "mysql:8" is not in Pod Lab's image catalogue, so pulling it fails \(ErrImagePull\)\. Available: .*busybox.*nginx/);
    expect(w[1].message).toMatch(/^tag "0\.1" of nginx is not in Pod Lab's image catalogue, so pulling it fails \(ErrImagePull\)\. Available tags: .*latest/);
  });

  it('lints every Pod document of a multi-document file, on file lines', () => {
    const w = lint(`apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: nope
`);
    expect(w.map((x) => x.line)).toEqual([13]);
  });
});
