/**
 * Two kube-controller-manager loops that fill every new namespace: the serviceaccounts-controller
 * creates the `default` ServiceAccount, and the root-ca-cert-publisher creates the
 * `kube-root-ca.crt` ConfigMap. Without them a pod in a namespace the learner created would wait
 * forever on its projected service-account volume (`FailedMount … configmap "kube-root-ca.crt"
 * not found`), which no real cluster does. Both run from a queue a moment after the Namespace
 * appears, never inside the store's watch callback.
 */
import type { VirtualClock } from '../clock/clock';
import type { ObjectStore } from '../api/store';

/** The annotation the publisher writes (pkg/controller/certificates/rootcacertpublisher). */
const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
const ROOT_CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIPodLabSimulatedCA\n-----END CERTIFICATE-----\n';

export class NamespaceDefaultsController {
  constructor(
    private readonly clock: VirtualClock,
    private readonly store: ObjectStore,
  ) {
    store.watch('Namespace', undefined, (e) => {
      if (e.type !== 'ADDED') return;
      const ns = e.object.metadata!.name!;
      this.clock.after(0, () => this.sync(ns));
    });
  }

  /** Create what is missing (both controllers are level-triggered: existing objects stay). */
  sync(ns: string, at = this.clock.now()): void {
    const namespace = this.store.peek('Namespace', undefined, ns);
    if (!namespace || namespace.metadata?.deletionTimestamp) return;
    if (!this.store.peek('ServiceAccount', ns, 'default')) {
      this.store.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } }, at);
    }
    if (!this.store.peek('ConfigMap', ns, 'kube-root-ca.crt')) {
      this.store.create(
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
          data: { 'ca.crt': ROOT_CA_PEM },
        },
        at,
      );
    }
  }
}
