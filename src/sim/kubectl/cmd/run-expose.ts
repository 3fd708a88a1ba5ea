/**
 * `kubectl run --expose --port=P`: the Service kubectl's ServiceGeneratorV2 builds for the pod
 * (kubectl v1.32 run.go generateService) — named like the pod, selecting `run=NAME` or the
 * --labels, one TCP port P → P, and the --labels as its own labels.
 */
import type { KubeObject } from '../../api/types';

export function exposedService(name: string, port: string, labelsFlag: Record<string, string> | undefined): KubeObject {
  const p = Number(port);
  const selector = labelsFlag ?? { run: name };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null as unknown as undefined, ...(labelsFlag ? { labels: labelsFlag } : {}), name },
    spec: { ports: [{ port: p, protocol: 'TCP', targetPort: p }], selector },
    status: { loadBalancer: {} },
  } as KubeObject;
}
