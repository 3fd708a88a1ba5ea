/**
 * The OpenAPI v3 document kube-apiserver serves at /openapi/v3/api/v1, built from Pod Lab's
 * generated schema for the kinds the simulated API server has. `kubectl explain` (v1.32 reads
 * OpenAPI v3) walks this document, so its shape follows kube-openapi's v3 output: a field whose
 * type is another schema is `{allOf: [{$ref}], description}`, array items of a schema are
 * `{allOf: [{$ref}]}`, maps are `additionalProperties`, and IntOrString/Quantity are `oneOf`
 * schemas without a `type` (explain then names them by their schema name).
 *
 * The stub API server in scripts/kubectl-reference serves the same document, so the real kubectl
 * can be compared with Pod Lab's explain on identical input.
 */
import { KNOWN_KINDS, schemaType, type TypeRef } from '../../api/schema';

export type Schema = Record<string, unknown> & {
  $ref?: string;
  description?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  enum?: unknown[];
};

export interface GVK {
  group: string;
  kind: string;
  version: string;
}

export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, Schema> };
}

/** The Kubernetes OpenAPI name of a generated-schema type: "core/v1.Pod" → "io.k8s.api.core.v1.Pod". */
export function definitionName(ref: string): string {
  const dot = ref.lastIndexOf('.');
  const mod = ref.slice(0, dot);
  const name = ref.slice(dot + 1);
  if (mod === 'meta/v1') return `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
  if (mod === 'api/resource') return `io.k8s.apimachinery.pkg.api.resource.${name}`;
  if (mod === 'util/intstr') return `io.k8s.apimachinery.pkg.util.intstr.${name}`;
  return `io.k8s.api.${mod.replace(/\//g, '.')}.${name}`;
}

const INT_OR_STRING = 'util/intstr.IntOrString';
/** kubernetes-types inlines IntOrString as `number | string`, so its doc text is not in our schema. */
const INT_OR_STRING_DOC =
  'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

const refTo = (ref: string): Schema => ({ $ref: `#/components/schemas/${definitionName(ref)}` });

/** Lower-case resource names as the URL paths of /api/v1 spell them. */
function resourcePaths(): Record<string, Record<string, Record<string, unknown>>> {
  const paths: OpenApiDoc['paths'] = {};
  for (const k of KNOWN_KINDS) {
    const base = k.namespaced ? `/api/v1/namespaces/{namespace}/${k.resource}` : `/api/v1/${k.resource}`;
    const gvk: GVK = { group: '', kind: k.kind, version: 'v1' };
    const op = (action: string) => ({ 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': gvk });
    paths[base] = { get: op('list'), post: op('post') };
    paths[`${base}/{name}`] = { get: op('get'), put: op('put'), patch: op('patch'), delete: op('delete') };
  }
  return paths;
}

/** Builds the document for the core group's served kinds and every type they reach. */
export function coreV1Document(serverVersion: string): OpenApiDoc {
  const schemas: Record<string, Schema> = {};
  const pending: string[] = [];
  const want = (ref: string) => {
    if (!(definitionName(ref) in schemas) && !pending.includes(ref)) pending.push(ref);
  };

  /** A property's schema; `field` = a struct field (refs wrapped in allOf so a description can sit beside them). */
  const typeSchema = (t: TypeRef, field: boolean): Schema => {
    switch (t.kind) {
      case 'string':
        return { type: 'string' };
      case 'number':
        return { type: 'integer' };
      case 'boolean':
        return { type: 'boolean' };
      case 'intOrString':
        want(INT_OR_STRING);
        return field ? { allOf: [refTo(INT_OR_STRING)] } : refTo(INT_OR_STRING);
      case 'array':
        return { type: 'array', items: typeSchema(t.items, true) };
      case 'map':
        return { type: 'object', additionalProperties: typeSchema(t.values, false) };
      case 'ref': {
        want(t.ref);
        const def = schemaType(t.ref);
        // A struct field wraps the reference so its own description can sit beside it.
        return field ? { allOf: [refTo(t.ref)] } : refTo(t.ref);
      }
      default:
        return { type: 'object' };
    }
  };

  const build = (ref: string): Schema => {
    if (ref === INT_OR_STRING) return { description: INT_OR_STRING_DOC, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    const def = schemaType(ref);
    if (!def) return { type: 'object' };
    const out: Schema = {};
    if (def.description) out.description = def.description;
    if (def.alias) {
      // Quantity is string-or-number; Time and MicroTime are RFC 3339 strings.
      if (ref === 'api/resource.Quantity') out.oneOf = [{ type: 'string' }, { type: 'number' }];
      else Object.assign(out, { type: 'string', format: ref.endsWith('Time') ? 'date-time' : undefined });
      if (out.format === undefined) delete out.format;
      return out;
    }
    out.type = 'object';
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [name, p] of Object.entries(def.properties ?? {})) {
      const s = typeSchema(p.type, true);
      if (p.description) s.description = p.description;
      properties[name] = s;
      if (p.required) required.push(name);
    }
    if (Object.keys(properties).length) out.properties = properties;
    if (required.length) out.required = required;
    const kind = KNOWN_KINDS.find((k) => k.type === ref);
    if (kind) out['x-kubernetes-group-version-kind'] = [{ group: '', kind: kind.kind, version: 'v1' }];
    return out;
  };

  for (const k of KNOWN_KINDS) want(k.type);
  while (pending.length) {
    const ref = pending.shift()!;
    schemas[definitionName(ref)] = build(ref);
  }
  const sorted: Record<string, Schema> = {};
  for (const key of Object.keys(schemas).sort()) sorted[key] = schemas[key];
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: serverVersion }, paths: resourcePaths(), components: { schemas: sorted } };
}
