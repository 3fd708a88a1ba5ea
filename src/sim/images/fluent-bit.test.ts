import { describe, expect, it } from 'vitest';
import { cluster, logs, pod } from './harness.test-util';

const CONF = `[SERVICE]
    Flush 2

[INPUT]
    Name tail
    Path /var/log/app/*.log
    Tag  app

[OUTPUT]
    Name  stdout
    Match *

[OUTPUT]
    Name   http
    Match  app
    Host   localhost
    Port   8000
    URI    /ingest
    Format json
`;

describe('fluent-bit image', () => {
  it('tails new lines from a shared emptyDir and prints them every Flush; http output POSTs JSON', () => {
    const c = cluster();
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fb' }, data: { 'fluent-bit.conf': CONF } });
    const logVol = { name: 'logs', mountPath: '/var/log/app' };
    c.api.create(pod('app', [
      { name: 'writer', image: 'busybox', command: ['sh', '-c', 'sleep 20; echo hello >> /var/log/app/app.log; echo world >> /var/log/app/app.log; sleep 3600'], volumeMounts: [logVol] },
      { name: 'fb', image: 'fluent/fluent-bit:3.2', args: ['-c', '/config/fluent-bit.conf'], volumeMounts: [logVol, { name: 'cfg', mountPath: '/config' }] },
      { name: 'sink', image: 'python:3.12-slim', command: ['python', '-u', '-m', 'http.server'] },
    ], { initContainers: [{ name: 'seed', image: 'busybox', command: ['sh', '-c', 'echo before > /var/log/app/app.log'], volumeMounts: [logVol] }], volumes: [{ name: 'logs', emptyDir: {} }, { name: 'cfg', configMap: { name: 'fb' } }] }));
    c.advance(60_000);
    const l = logs(c, 'app', 'fb');
    expect(l.slice(0, 4)).toEqual(['Fluent Bit v3.2.4', '* Copyright (C) 2015-2024 The Fluent Bit Authors', '* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd', '* https://fluentbit.io']);
    expect(l).toContain('[2025/01/15 10:00:02] [ info] [fluent bit] version=3.2.4, commit=2f93c7b0a6, pid=1'.replace('10:00:02', l.find((x) => x.includes('[fluent bit]'))!.slice(12, 20)));
    expect(l.some((x) => /\[ info\] \[input:tail:tail\.0\] inotify_fs_add\(\): inode=\d+ watch_fd=1 name=\/var\/log\/app\/app\.log$/.test(x))).toBe(true);
    const recs = l.filter((x) => / app: \[\[/.test(x));
    // Read_from_Head is off: the line written before fluent-bit started is not shipped.
    expect(recs.map((x) => x.replace(/\d{10}\.\d{9}/, 'T'))).toEqual(['[0] app: [[T, {}], {"log"=>"hello"}]', '[1] app: [[T, {}], {"log"=>"world"}]']);
    expect(l.some((x) => x.includes('[error] [output:http:http.0] localhost:8000, HTTP status=501'))).toBe(true);
    expect(logs(c, 'app', 'sink').some((x) => x.includes('"POST /ingest HTTP/1.1" 501'))).toBe(true);
  });
});
