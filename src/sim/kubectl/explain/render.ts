/**
 * `kubectl explain`'s plaintext output (kubectl v1.32, OpenAPI v3): a port of the Go template
 * k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl over an OpenAPI v3 document (its schemas).
 *
 *   KIND / VERSION header (GROUP first for named groups), then either the kind's DESCRIPTION and
 *   FIELDS, or for a field path `FIELD: name <type>` followed by its DESCRIPTION and FIELDS.
 *
 * Quirks kept on purpose because kubectl has them: a field's description is followed by the
 * description of the type it refers to (`PodSpec is a description of a pod.`), text is wrapped at
 * 76 columns (78 minus the indent for fields) and indented, which leaves a line of four spaces
 * after every description, and `FIELD:` is followed by two blank lines.
 */
import type { GVK, OpenApiDoc, Schema } from './openapi';
import { wrapString } from './wordwrap';

/** An error the template throws: kubectl prints it on stderr after whatever was already written. */
export class ExplainError extends Error {}

type History = Record<string, true>;

const indent = (n: number, s: string) => {
  const pad = ' '.repeat(n);
  return pad + s.split('\n').join('\n' + pad);
};

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Go templates treat an empty map as false. */
const present = (v: unknown): v is Schema => isSchema(v) && Object.keys(v).length > 0;
const mapValues = (s: Schema): Schema | undefined => (present(s.additionalProperties) ? s.additionalProperties : undefined);

export class ExplainRenderer {
  constructor(private readonly doc: OpenApiDoc) {}

  /** Everything kubectl writes to stdout; throws ExplainError (with `partial` written first) on a bad field path. */
  render(gvr: { group: string; version: string; resource: string }, fieldPath: string[], recursive: boolean): { out: string; error?: string } {
    const gvk = this.findGvk(gvr);
    if (!gvk) return { out: '', error: `error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema` };
    let out = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
    out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
    const schemas = this.doc.components.schemas;
    const key = Object.keys(schemas)
      .sort()
      .find((k) => ((schemas[k]['x-kubernetes-group-version-kind'] as GVK[] | undefined) ?? []).some((g) => g.group === gvk.group && g.kind === gvk.kind && g.version === gvk.version));
    if (!key) return { out, error: `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema` };
    const body = this.output(schemas[key], {}, fieldPath, recursive);
    if (!body) return { out, error: `error: field "${fieldPath[fieldPath.length - 1]}" does not exist` };
    return { out: out + body + '\n' };
  }

  /** The GVK of the list/get operations at the resource's paths (cluster-scoped or namespaced). */
  private findGvk(gvr: { group: string; version: string; resource: string }): GVK | undefined {
    const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
    const base = `${prefix}/${gvr.version}`;
    let gvk: GVK | undefined;
    for (const path of [`${base}/${gvr.resource}`, `${base}/${gvr.resource}/{name}`, `${base}/namespaces/{namespace}/${gvr.resource}`, `${base}/namespaces/{namespace}/${gvr.resource}/{name}`]) {
      const el = this.doc.paths[path];
      if (!el) continue;
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const found = el[method]?.['x-kubernetes-group-version-kind'] as GVK | undefined;
        if (found) {
          gvk = found;
          break;
        }
      }
    }
    return gvk;
  }

  private resolveRef(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: unknown = this.doc;
    for (const part of ref.slice(1).split('/')) {
      if (!part) continue;
      if (!isSchema(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[part];
    }
    return isSchema(cur) ? cur : undefined;
  }

  private output(schema: Schema, history: History, fieldPath: string[], recursive: boolean): string {
    const ref = schema.$ref ?? '';
    const next: History = { ...history, [ref]: true };
    const resolved = this.resolveRef(ref) ?? schema;
    if (fieldPath.length === 0) {
      let s = 'DESCRIPTION:\n' + indent(4, wrapString(this.description(resolved) || '<empty>', 76)) + '\n';
      const fields = this.fieldList(resolved, 1, recursive, undefined);
      if (fields) s += 'FIELDS:\n' + fields;
      return s;
    }
    if (ref && history[ref]) return '';
    const [name, ...rest] = fieldPath;
    const sub = present(resolved.properties) ? resolved.properties[name] : undefined;
    if (present(sub)) {
      let s = '';
      if (rest.length === 0) s += `FIELD: ${name} <${this.typeGuess(sub)}>\n` + this.extractEnum(sub, true, -1, 0) + '\n\n';
      return s + this.output(sub, {}, rest, recursive);
    }
    if (present(resolved.items)) return this.output(resolved.items, next, fieldPath, recursive);
    const values = mapValues(resolved);
    if (values) return this.output(values, next, fieldPath, recursive);
    for (const alt of resolved.allOf ?? []) {
      const s = this.output(alt, next, fieldPath, recursive);
      if (s) return s;
    }
    return '';
  }

  /** The schema's description, then those of the schemas it is made of (allOf, items, map values). */
  private description(schema: Schema): string {
    const s = this.resolveRef(schema.$ref) ?? schema;
    if (!present(s)) return '';
    let out = s.description ? s.description + '\n' : '';
    for (const alt of s.allOf ?? []) out += this.description(alt);
    if (present(s.items)) out += this.description(s.items);
    const values = mapValues(s);
    if (values) out += this.description(values);
    return out;
  }

  private fieldList(schema: Schema, level: number, recursive: boolean, history: History | undefined): string {
    const ref = schema.$ref ?? '';
    if (ref && history?.[ref]) return '';
    const next: History = { ...history, [ref]: true };
    const resolved = this.resolveRef(ref) ?? schema;
    let out = '';
    for (const name of Object.keys(resolved.properties ?? {}).sort()) {
      out += this.fieldDetail(name, resolved, recursive, level);
      if (recursive) out += this.fieldList(resolved.properties![name], level + 1, recursive, next);
    }
    for (const alt of resolved.allOf ?? []) out += this.fieldList(alt, level, recursive, next);
    if (present(resolved.items)) out += this.fieldList(resolved.items, level, recursive, next);
    const values = mapValues(resolved);
    if (values) out += this.fieldList(values, level, recursive, next);
    return out;
  }

  private fieldDetail(name: string, parent: Schema, short: boolean, level: number): string {
    const pad = level * 2;
    const field = parent.properties![name];
    let out = indent(pad, name) + `\t<${this.typeGuess(field)}>`;
    if (parent.required?.includes(name)) out += ' -required-';
    out += this.extractEnum(field, false, 4, pad) + '\n';
    if (!short) out += indent(pad + 2, wrapString(field.description || '<no description>', 78 - pad)) + '\n\n';
    return out;
  }

  /** `<string>`, `<[]Container>`, `<map[string]string>`, `<Object>`, the referenced schema's name … */
  private typeGuess(schema: Schema): string {
    if (present(schema.items)) return '[]' + this.typeGuess(schema.items);
    const values = mapValues(schema);
    if (values) return 'map[string]' + this.typeGuess(values);
    if (schema.allOf && !present(schema.properties) && schema.allOf.length === 1) return this.typeGuess(schema.allOf[0]);
    if (schema.$ref) {
      const target = this.resolveRef(schema.$ref);
      if (!target || !target.type || target.type === 'object') {
        const name = schema.$ref.split('/').pop()!;
        return name.split('.').pop() || 'Object';
      }
      return target.type;
    }
    return schema.type === 'object' || !schema.type ? 'Object' : schema.type;
  }

  /** `enum: a, b, c, ....` under a field line (at most 4), or `ENUM:` with one value a line for FIELD. */
  private extractEnum(schema: Schema, long: boolean, limit: number, pad: number): string {
    if (!schema.enum?.length) return '';
    let out = long ? 'ENUM:' : '\n' + ' '.repeat(pad) + 'enum: ';
    for (let i = 0; i < schema.enum.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !long) out += ', ';
      else if (long) out += '\n    ';
      const v = schema.enum[i];
      out += v === '' ? '""' : String(v);
    }
    return out;
  }
}
