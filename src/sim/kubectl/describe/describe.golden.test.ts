/**
 * describe output compared byte for byte with the real kubectl v1.32 (goldens recorded by
 * scripts/kubectl-reference/record.mjs; kubectl is not needed to run these tests).
 */
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../../tests/golden/kubectl/golden.ts';
import { describePod } from './pod.ts';
import { describeService } from './service.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = any;

const eventsFor = (events: Obj[], obj: Obj) =>
  events.filter(
    (e) =>
      e.involvedObject.name === obj.metadata.name &&
      e.involvedObject.namespace === obj.metadata.namespace &&
      e.involvedObject.uid === obj.metadata.uid,
  );

describe('describe pod matches kubectl v1.32', () => {
  for (const name of ['bad-image', 'big', 'crash', 'evicted', 'init-demo', 'job-done', 'nginx', 'sidecar-demo', 'sleeper', 'web']) {
    it(name, () => {
      const g = loadGolden(`describe-pod-${name}`);
      const pod = g.objects.pods.find((p: Obj) => p.metadata.name === name);
      expect(describePod(pod, eventsFor(g.objects.events, pod), g.now)).toBe(g.text);
    });
  }
});

describe('describe service matches kubectl v1.32', () => {
  for (const name of ['kubernetes', 'nginx', 'web', 'ext', 'lb']) {
    it(name, () => {
      const g = loadGolden(`describe-svc-${name}`);
      const svc = g.objects.services.find((s: Obj) => s.metadata.name === name);
      const slices = g.objects.endpointslices.filter((s: Obj) => s.metadata.labels['kubernetes.io/service-name'] === name);
      expect(describeService(svc, slices, eventsFor(g.objects.events, svc), g.now)).toBe(g.text);
    });
  }
});
