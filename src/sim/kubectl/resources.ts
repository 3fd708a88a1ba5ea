/** Resource types kubectl resolves from what the user types: plural, singular, short names, kind. */
export interface ResourceInfo {
  kind: string;
  plural: string;
  singular: string;
  short: string[];
  namespaced: boolean;
}

export const RESOURCES: ResourceInfo[] = [
  { kind: 'Pod', plural: 'pods', singular: 'pod', short: ['po'], namespaced: true },
  { kind: 'Service', plural: 'services', singular: 'service', short: ['svc'], namespaced: true },
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', short: ['cm'], namespaced: true },
  { kind: 'Secret', plural: 'secrets', singular: 'secret', short: [], namespaced: true },
  { kind: 'Event', plural: 'events', singular: 'event', short: ['ev'], namespaced: true },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', short: ['ep'], namespaced: true },
  { kind: 'ServiceAccount', plural: 'serviceaccounts', singular: 'serviceaccount', short: ['sa'], namespaced: true },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', short: ['ns'], namespaced: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', short: ['no'], namespaced: false },
];

export function resolveResource(typed: string): ResourceInfo | undefined {
  const t = typed.toLowerCase().replace(/\.v1$|\.$/, '');
  return RESOURCES.find((r) => r.plural === t || r.singular === t || r.short.includes(t) || r.kind.toLowerCase() === t);
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.kind === kind);
}

export function unknownResourceError(typed: string): string {
  return `error: the server doesn't have a resource type "${typed}"`;
}
