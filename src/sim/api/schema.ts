/**
 * The Kubernetes API schema as data, generated at install time from the `kubernetes-types`
 * declarations (scripts/gen-schema.mjs). Decoding walks it to find unknown fields and type errors,
 * `kubectl explain` and the editor read its doc text, and error messages take Go type names from it.
 */
import schemaJson from './generated/k8s-schema.json';

/** The shape of one property's type in the generated file. */
export type TypeRef =
  | { kind: 'string'; value?: string }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'unknown' }
  | { kind: 'intOrString' }
  | { kind: 'array'; items: TypeRef }
  | { kind: 'map'; values: TypeRef }
  | { kind: 'ref'; ref: string }
  | { kind: 'union'; of: TypeRef[] };

export interface PropertyDef {
  type: TypeRef;
  required?: boolean;
  description?: string;
}

export interface TypeDef {
  description?: string;
  /** Present for interfaces: their fields, in declaration (alphabetical) order. */
  properties?: Record<string, PropertyDef>;
  /** Present for aliases such as `api/resource.Quantity` (= string). */
  alias?: TypeRef;
}

interface SchemaFile {
  source: string;
  version: string;
  types: Record<string, TypeDef>;
}

const schema = schemaJson as unknown as SchemaFile;

/** A kind the simulated API server serves. All live in the core group, version v1. */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** Lower-case plural used in URLs and messages: `pods "x" not found`. */
  resource: string;
  namespaced: boolean;
  /** Schema key of the root type, e.g. "core/v1.Pod". */
  type: string;
}

const CORE_KINDS: ReadonlyArray<[kind: string, resource: string, namespaced: boolean]> = [
  ['Pod', 'pods', true],
  ['Service', 'services', true],
  ['ConfigMap', 'configmaps', true],
  ['Secret', 'secrets', true],
  ['Namespace', 'namespaces', false],
  ['Event', 'events', true],
  ['Node', 'nodes', false],
  ['ServiceAccount', 'serviceaccounts', true],
  ['Endpoints', 'endpoints', true],
];

export const KNOWN_KINDS: ReadonlyArray<KindInfo> = CORE_KINDS.map(([kind, resource, namespaced]) => ({
  kind,
  apiVersion: 'v1',
  resource,
  namespaced,
  type: `core/v1.${kind}`,
}));

/** The served kind for apiVersion + kind, or undefined (kubectl then reports "no matches for kind"). */
export function lookupKind(apiVersion: string, kind: string): KindInfo | undefined {
  return KNOWN_KINDS.find((k) => k.kind === kind && k.apiVersion === apiVersion);
}

/** Root schema type of a known kind: Pod → "core/v1.Pod". */
export function rootTypeOfKind(kind: string): string | undefined {
  return KNOWN_KINDS.find((k) => k.kind === kind)?.type;
}

export function schemaType(ref: string): TypeDef | undefined {
  return schema.types[ref];
}

/** The version of kubernetes-types the schema was generated from. */
export function schemaVersion(): string {
  return schema.version;
}

/** Follows aliases (Quantity → string) until it reaches something that is not an alias. */
export function resolveAlias(t: TypeRef): TypeRef {
  let cur = t;
  for (let i = 0; i < 8 && cur.kind === 'ref'; i++) {
    const def = schema.types[cur.ref];
    if (!def?.alias) break;
    cur = def.alias;
  }
  return cur;
}

/**
 * The declared type at a field path below a root type: ("core/v1.Pod", ["spec","containers",0,"image"])
 * → { kind: 'string' }. Array indices and map keys step into items/values. Undefined when the path
 * leaves the schema (an unknown field).
 */
export function typeOfPath(root: string, path: ReadonlyArray<string | number>): TypeRef | undefined {
  let cur: TypeRef = { kind: 'ref', ref: root };
  for (const seg of path) {
    const t = resolveRefOnly(cur);
    if (t.kind === 'array') {
      if (typeof seg !== 'number') return undefined;
      cur = t.items;
    } else if (t.kind === 'map') {
      cur = t.values;
    } else if (t.kind === 'ref') {
      const prop = schema.types[t.ref]?.properties?.[String(seg)];
      if (!prop) return undefined;
      cur = prop.type;
    } else {
      return undefined;
    }
  }
  return cur;
}

/** The property definition (with doc text) at a path, for `kubectl explain` and editor hovers. */
export function propertyOfPath(root: string, path: ReadonlyArray<string>): PropertyDef | undefined {
  if (path.length === 0) return undefined;
  const parent = typeOfPath(root, path.slice(0, -1));
  if (!parent) return undefined;
  let t = resolveRefOnly(parent);
  while (t.kind === 'array') t = resolveRefOnly(t.items);
  if (t.kind !== 'ref') return undefined;
  return schema.types[t.ref]?.properties?.[path[path.length - 1]];
}

function resolveRefOnly(t: TypeRef): TypeRef {
  // Aliases of string (Quantity, Time) stay refs so callers can tell them apart; only follow
  // aliases that are themselves structural.
  if (t.kind !== 'ref') return t;
  const def = schema.types[t.ref];
  if (def?.alias && def.alias.kind !== 'string') return resolveRefOnly(def.alias);
  return t;
}

/**
 * Fields whose Go type is int64. kubernetes-types spells every integer `number`, but Go's JSON
 * errors name the width (`of type int64`), so the few int64 fields of the kinds we serve are listed.
 */
const INT64_FIELDS = new Set([
  'core/v1.PodSpec.terminationGracePeriodSeconds',
  'core/v1.PodSpec.activeDeadlineSeconds',
  'core/v1.Probe.terminationGracePeriodSeconds',
  'core/v1.SecurityContext.runAsUser',
  'core/v1.SecurityContext.runAsGroup',
  'core/v1.PodSecurityContext.runAsUser',
  'core/v1.PodSecurityContext.runAsGroup',
  'core/v1.PodSecurityContext.fsGroup',
  'core/v1.PodSecurityContext.supplementalGroups',
  'core/v1.ServiceAccountTokenProjection.expirationSeconds',
  'core/v1.SleepAction.seconds',
  'core/v1.Toleration.tolerationSeconds',
  'core/v1.LinuxContainerUser.uid',
  'core/v1.LinuxContainerUser.gid',
  'core/v1.LinuxContainerUser.supplementalGroups',
  'meta/v1.ObjectMeta.generation',
  'meta/v1.ObjectMeta.deletionGracePeriodSeconds',
  'meta/v1.ListMeta.remainingItemCount',
  'meta/v1.DeleteOptions.gracePeriodSeconds',
]);

/** Go's integer type of a field: "int32" or "int64". */
export function goIntType(owner: string, field: string): 'int32' | 'int64' {
  return INT64_FIELDS.has(`${owner}.${field}`) ? 'int64' : 'int32';
}

/** "core/v1.Container" → "v1.Container", "api/resource.Quantity" → "resource.Quantity". */
export function goQualifiedName(ref: string): string {
  const dot = ref.lastIndexOf('.');
  const mod = ref.slice(0, dot);
  const pkg = mod.slice(mod.lastIndexOf('/') + 1);
  return `${pkg}.${ref.slice(dot + 1)}`;
}

/** "core/v1.PodSpec" → "PodSpec": the struct name Go's JSON errors print before the field path. */
export function goStructName(ref: string): string {
  return ref.slice(ref.lastIndexOf('.') + 1);
}

/**
 * The Go type string of a field's type as reflect prints it (`[]v1.Container`, `map[string]string`,
 * `int32`, `v1.PodSpec`); `owner`/`field` name the struct field so integer widths come out right.
 */
export function goTypeName(t: TypeRef, owner?: string, field?: string): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return owner && field ? goIntType(owner, field) : 'int32';
    case 'intOrString':
      return 'intstr.IntOrString';
    case 'array':
      return `[]${goTypeName(t.items, owner, field)}`;
    case 'map':
      return `map[string]${goTypeName(t.values, owner, field)}`;
    case 'ref':
      // Quantity and Time are Go structs, so even their aliases print by qualified name.
      return goQualifiedName(t.ref);
    default:
      return 'interface {}';
  }
}

/**
 * Go names of fields whose type is a named Go type (`type Protocol string`) that kubernetes-types
 * flattens to `string`: Go's JSON errors print the named type (`of type v1.Protocol`). `element`
 * names the item/value type of lists and maps; `field` the whole field's type when it is named.
 */
const NAMED_FIELD_TYPES: Record<string, { field?: string; element?: string }> = {
  'core/v1.ContainerPort.protocol': { element: 'v1.Protocol' },
  'core/v1.ServicePort.protocol': { element: 'v1.Protocol' },
  'core/v1.EndpointPort.protocol': { element: 'v1.Protocol' },
  'core/v1.Container.imagePullPolicy': { element: 'v1.PullPolicy' },
  'core/v1.Container.terminationMessagePolicy': { element: 'v1.TerminationMessagePolicy' },
  'core/v1.Container.restartPolicy': { element: 'v1.ContainerRestartPolicy' },
  'core/v1.EphemeralContainer.imagePullPolicy': { element: 'v1.PullPolicy' },
  'core/v1.EphemeralContainer.terminationMessagePolicy': { element: 'v1.TerminationMessagePolicy' },
  'core/v1.EphemeralContainer.restartPolicy': { element: 'v1.ContainerRestartPolicy' },
  'core/v1.PodSpec.restartPolicy': { element: 'v1.RestartPolicy' },
  'core/v1.PodSpec.dnsPolicy': { element: 'v1.DNSPolicy' },
  'core/v1.PodSpec.preemptionPolicy': { element: 'v1.PreemptionPolicy' },
  'core/v1.PodSpec.overhead': { field: 'v1.ResourceList' },
  'core/v1.ServiceSpec.type': { element: 'v1.ServiceType' },
  'core/v1.ServiceSpec.sessionAffinity': { element: 'v1.ServiceAffinity' },
  'core/v1.ServiceSpec.externalTrafficPolicy': { element: 'v1.ServiceExternalTrafficPolicy' },
  'core/v1.ServiceSpec.internalTrafficPolicy': { element: 'v1.ServiceInternalTrafficPolicy' },
  'core/v1.ServiceSpec.ipFamilies': { element: 'v1.IPFamily' },
  'core/v1.ServiceSpec.ipFamilyPolicy': { element: 'v1.IPFamilyPolicy' },
  'core/v1.Secret.type': { element: 'v1.SecretType' },
  'core/v1.Secret.data': { field: 'map[string][]uint8', element: '[]uint8' },
  'core/v1.ConfigMap.binaryData': { field: 'map[string][]uint8', element: '[]uint8' },
  'core/v1.Toleration.operator': { element: 'v1.TolerationOperator' },
  'core/v1.Toleration.effect': { element: 'v1.TaintEffect' },
  'core/v1.HTTPGetAction.scheme': { element: 'v1.URIScheme' },
  'core/v1.Capabilities.add': { element: 'v1.Capability' },
  'core/v1.Capabilities.drop': { element: 'v1.Capability' },
  'core/v1.NamespaceSpec.finalizers': { element: 'v1.FinalizerName' },
  'core/v1.NamespaceStatus.phase': { element: 'v1.NamespacePhase' },
  'core/v1.PodStatus.phase': { element: 'v1.PodPhase' },
  'core/v1.PodStatus.qosClass': { element: 'v1.PodQOSClass' },
  'core/v1.PodCondition.type': { element: 'v1.PodConditionType' },
  'core/v1.PodCondition.status': { element: 'v1.ConditionStatus' },
  'core/v1.HostPathVolumeSource.type': { element: 'v1.HostPathType' },
  'core/v1.VolumeMount.mountPropagation': { element: 'v1.MountPropagationMode' },
  'core/v1.VolumeMount.recursiveReadOnly': { element: 'v1.RecursiveReadOnlyMode' },
  'core/v1.PodOS.name': { element: 'v1.OSName' },
  'core/v1.EmptyDirVolumeSource.medium': { element: 'v1.StorageMedium' },
  'core/v1.ResourceRequirements.limits': { field: 'v1.ResourceList' },
  'core/v1.ResourceRequirements.requests': { field: 'v1.ResourceList' },
  'core/v1.NodeStatus.capacity': { field: 'v1.ResourceList' },
  'core/v1.NodeStatus.allocatable': { field: 'v1.ResourceList' },
};

/** Go type of a whole struct field (what `json: cannot unmarshal X into ... of type T` names). */
export function goFieldType(owner: string, field: string, t: TypeRef): string {
  const named = NAMED_FIELD_TYPES[`${owner}.${field}`];
  if (named?.field) return named.field;
  if (named?.element) {
    if (t.kind === 'array') return `[]${named.element}`;
    if (t.kind === 'map') return `map[string]${named.element}`;
    return named.element;
  }
  return goTypeName(t, owner, field);
}

/** Go type of the items (lists) or values (maps) of a struct field. */
export function goElementType(owner: string, field: string, item: TypeRef): string {
  return NAMED_FIELD_TYPES[`${owner}.${field}`]?.element ?? goTypeName(item, owner, field);
}

/** True for fields Go holds as []byte: their JSON strings must be base64. */
export function isBytesField(owner: string, field: string): boolean {
  return NAMED_FIELD_TYPES[`${owner}.${field}`]?.element === '[]uint8';
}

/**
 * True for types whose content is opaque JSON (no declared properties), such as managedFields'
 * fieldsV1 or runtime.RawExtension: anything is accepted inside them.
 */
export function isOpaqueType(ref: string): boolean {
  const def = schema.types[ref];
  return !def || (!def.alias && Object.keys(def.properties ?? {}).length === 0);
}
