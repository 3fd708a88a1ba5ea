/**
 * `-o json` of an object kubectl holds as a *typed* Go struct (the `create` generators, and what
 * the typed clientset returns from a create): encoding/json writes struct fields in declaration
 * order (k8s.io/api core/v1 types.go), not sorted — `kind`, `apiVersion`, `metadata`, then the
 * kind's own fields — while maps (data, labels, selector) are sorted. `kubectl get -o json`
 * works on unstructured maps and sorts everything (printers/json.ts); this is the other case.
 */
import { toJSON } from '../printers/json';

/** Field order per Go struct; `field:Type` names the struct type of a nested value, `[]Type` a list of it. */
const STRUCTS: Record<string, string[]> = {
  ConfigMap: ['kind', 'apiVersion', 'metadata:ObjectMeta', 'immutable', 'data', 'binaryData'],
  Secret: ['kind', 'apiVersion', 'metadata:ObjectMeta', 'immutable', 'data', 'stringData', 'type'],
  Namespace: ['kind', 'apiVersion', 'metadata:ObjectMeta', 'spec:NamespaceSpec', 'status:NamespaceStatus'],
  Service: ['kind', 'apiVersion', 'metadata:ObjectMeta', 'spec:ServiceSpec', 'status:ServiceStatus'],
  ObjectMeta: [
    'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
    'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
  ],
  NamespaceSpec: ['finalizers'],
  NamespaceStatus: ['phase', 'conditions'],
  ServiceSpec: [
    'ports:[]ServicePort', 'selector', 'clusterIP', 'clusterIPs', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP',
    'loadBalancerSourceRanges', 'externalName', 'externalTrafficPolicy', 'healthCheckNodePort', 'publishNotReadyAddresses',
    'sessionAffinityConfig', 'ipFamilies', 'ipFamilyPolicy', 'allocateLoadBalancerNodePorts', 'loadBalancerClass',
    'internalTrafficPolicy', 'trafficDistribution',
  ],
  ServicePort: ['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort'],
  ServiceStatus: ['loadBalancer', 'conditions'],
};

/** Go's map key order (byte order). */
function goLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encode(v: unknown, type: string | undefined, indent: string): string {
  if (v === null || v === undefined || typeof v !== 'object') return toJSON(v).slice(0, -1);
  const inner = indent + '    ';
  if (Array.isArray(v)) {
    if (!v.length) return '[]';
    const elem = type?.startsWith('[]') ? type.slice(2) : undefined;
    return '[\n' + v.map((x) => inner + encode(x, elem, inner)).join(',\n') + '\n' + indent + ']';
  }
  const obj = v as Record<string, unknown>;
  const present = Object.keys(obj).filter((k) => obj[k] !== undefined);
  const fields = type ? STRUCTS[type] : undefined;
  let entries: Array<[string, string | undefined]>;
  if (fields) {
    const declared = fields.map((f) => f.split(':') as [string, string | undefined]).filter(([k]) => present.includes(k));
    const known = new Set(fields.map((f) => f.split(':')[0]));
    entries = [...declared, ...present.filter((k) => !known.has(k)).sort(goLess).map((k) => [k, undefined] as [string, undefined])];
  } else entries = present.sort(goLess).map((k) => [k, undefined]);
  if (!entries.length) return '{}';
  return '{\n' + entries.map(([k, t]) => `${inner}${toJSON(k).slice(0, -1)}: ${encode(obj[k], t, inner)}`).join(',\n') + '\n' + indent + '}';
}

/** The object as `kubectl create … -o json` prints a typed object (kind must be one of STRUCTS). */
export function toTypedJSON(obj: { kind?: string }): string {
  return encode(obj, obj.kind && STRUCTS[obj.kind] ? obj.kind : undefined, '') + '\n';
}
