#!/usr/bin/env node
/**
 * Generates the Kubernetes schema the engine and the editor read, from the TypeScript declarations
 * of the `kubernetes-types` package (themselves generated from the Kubernetes OpenAPI spec). Run by
 * `npm install` (the `prepare` script); the output is gitignored and rebuilt on every install.
 *
 *   src/sim/api/generated/k8s-schema.json      every exported interface, keyed "core/v1.Container":
 *                                               properties with type, required flag and doc text
 *                                               (decoding, `kubectl explain`, editor hover docs)
 *   src/sim/api/generated/k8s-jsonschema.json  draft-07 JSON Schema for Pod, Service, ConfigMap,
 *                                               Secret and Namespace (Monaco YAML completion/diagnostics)
 *
 * Deterministic (keys sorted, no timestamps) so running it twice gives identical bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const typesDir = path.join(root, 'node_modules', 'kubernetes-types');
const outDir = path.join(root, 'src', 'sim', 'api', 'generated');

/** "core/v1.d.ts" → "core/v1" */
function moduleIdOf(file) {
  return path.relative(typesDir, file).replace(/\\/g, '/').replace(/\.d\.ts$/, '');
}

function listDts(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listDts(full));
    else if (entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/** The JSDoc text of a node, with the ` * ` prefixes gone (the compiler API's own parsing is slow). */
function docOf(node, source) {
  const ranges = ts.getLeadingCommentRanges(source.text, node.pos) ?? [];
  const last = ranges.filter((r) => source.text.startsWith('/**', r.pos)).pop();
  if (!last) return undefined;
  const raw = source.text.slice(last.pos + 3, last.end - 2);
  const lines = raw.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const text = lines.join('\n').trim();
  return text || undefined;
}

/** Resolves an identifier used in `moduleId` to "module/id.Name" through its imports. */
function makeResolver(moduleId, source) {
  const imports = new Map();
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !stmt.importClause?.namedBindings) continue;
    const spec = stmt.moduleSpecifier.text;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(moduleId), spec));
    const bindings = stmt.importClause.namedBindings;
    if (ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) imports.set(el.name.text, `${target}.${(el.propertyName ?? el.name).text}`);
    }
  }
  return (name) => imports.get(name) ?? `${moduleId}.${name}`;
}

function typeRefOf(node, resolve) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.ObjectKeyword:
      return { kind: 'unknown' };
    case ts.SyntaxKind.LiteralType:
      // `apiVersion?: "v1"`, `kind?: "Pod"`: a string with one allowed value.
      if (ts.isStringLiteral(node.literal)) return { kind: 'string', value: node.literal.text };
      return { kind: 'unknown' };
    case ts.SyntaxKind.ParenthesizedType:
      return typeRefOf(node.type, resolve);
    case ts.SyntaxKind.ArrayType:
      return { kind: 'array', items: typeRefOf(node.elementType, resolve) };
    case ts.SyntaxKind.UnionType: {
      const parts = node.types.map((t) => typeRefOf(t, resolve));
      const kinds = parts.map((p) => p.kind).sort().join('|');
      // `number | string` is how kubernetes-types spells intstr.IntOrString.
      if (kinds === 'number|string') return { kind: 'intOrString' };
      return { kind: 'union', of: parts };
    }
    case ts.SyntaxKind.TypeLiteral: {
      const index = node.members.find((m) => ts.isIndexSignatureDeclaration(m));
      if (index) return { kind: 'map', values: typeRefOf(index.type, resolve) };
      return { kind: 'unknown' };
    }
    case ts.SyntaxKind.TypeReference: {
      const name = node.typeName.getText();
      if (name === 'Array' && node.typeArguments?.length === 1) {
        return { kind: 'array', items: typeRefOf(node.typeArguments[0], resolve) };
      }
      if (name === 'Record' && node.typeArguments?.length === 2) {
        return { kind: 'map', values: typeRefOf(node.typeArguments[1], resolve) };
      }
      return { kind: 'ref', ref: resolve(name) };
    }
    default:
      return { kind: 'unknown' };
  }
}

function buildSchema() {
  const types = {};
  for (const file of listDts(typesDir)) {
    const moduleId = moduleIdOf(file);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const resolve = makeResolver(moduleId, source);
    for (const stmt of source.statements) {
      if (ts.isInterfaceDeclaration(stmt)) {
        const properties = {};
        for (const member of stmt.members) {
          if (!ts.isPropertySignature(member) || !member.type) continue;
          const name = member.name.getText(source).replace(/^["']|["']$/g, '');
          const prop = { type: typeRefOf(member.type, resolve) };
          if (!member.questionToken) prop.required = true;
          const doc = docOf(member, source);
          if (doc) prop.description = doc;
          properties[name] = prop;
        }
        const def = { properties };
        const doc = docOf(stmt, source);
        if (doc) def.description = doc;
        types[`${moduleId}.${stmt.name.text}`] = def;
      } else if (ts.isTypeAliasDeclaration(stmt)) {
        const def = { alias: typeRefOf(stmt.type, resolve) };
        const doc = docOf(stmt, source);
        if (doc) def.description = doc;
        types[`${moduleId}.${stmt.name.text}`] = def;
      }
    }
  }
  const sorted = {};
  for (const key of Object.keys(types).sort()) sorted[key] = types[key];
  return { source: 'kubernetes-types', version: readTypesVersion(), types: sorted };
}

function readTypesVersion() {
  return JSON.parse(fs.readFileSync(path.join(typesDir, 'package.json'), 'utf8')).version;
}

/** "core/v1.Container" → "io.k8s.api.core.v1.Container"-like, the names Kubernetes' own OpenAPI uses. */
function defName(ref) {
  const [mod, name] = [ref.slice(0, ref.lastIndexOf('.')), ref.slice(ref.lastIndexOf('.') + 1)];
  if (mod === 'meta/v1') return `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
  if (mod === 'api/resource') return `io.k8s.apimachinery.pkg.api.resource.${name}`;
  return `io.k8s.api.${mod.replace(/\//g, '.')}.${name}`;
}

/**
 * The allowed values of a string field, when its upstream doc text lists them in one of the fixed
 * phrasings the Kubernetes API docs use ("One of Always, OnFailure, Never.", "Must be UDP, TCP, or
 * SCTP.", "Valid values are "OnRootMismatch" and "Always".", "Valid options are ExternalName, …").
 * Only complete lists become an enum (a sentence that also allows "a valid IP address" does not), so
 * the editor completes these values and flags typos the API server would reject as Unsupported value.
 */
function enumFromDoc(doc) {
  const m = /(?:One of|Must be|Valid values are|Valid options are) ([^.]*)\./.exec(doc ?? '');
  if (!m) return undefined;
  const words = m[1].replace(/^either /, '');
  const quoted = [...words.matchAll(/"([^"]+)"|'([^']+)'/g)].map((q) => q[1] ?? q[2]);
  const bare = words.split(/,? (?:and|or) |, /).map((w) => w.trim());
  const rest = words.replace(/"[^"]+"|'[^']+'/g, '').replace(/,? (?:and|or) |, /g, '').trim();
  if (quoted.length >= 2 && rest === '') return quoted;
  if (bare.length >= 2 && bare.every((w) => /^[A-Z][A-Za-z]*$/.test(w))) return bare;
  return undefined;
}

const JSON_SCHEMA_ROOTS = { Pod: 'core/v1.Pod', Service: 'core/v1.Service', ConfigMap: 'core/v1.ConfigMap', Secret: 'core/v1.Secret', Namespace: 'core/v1.Namespace' };

function buildJsonSchema(schema) {
  const definitions = {};
  const toJson = (t) => {
    switch (t.kind) {
      case 'string':
        return t.value ? { type: 'string', enum: [t.value] } : { type: 'string' };
      case 'number':
        return { type: 'integer' };
      case 'boolean':
        return { type: 'boolean' };
      case 'intOrString':
        return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
      case 'array':
        return { type: 'array', items: toJson(t.items) };
      case 'map':
        return { type: 'object', additionalProperties: toJson(t.values) };
      case 'ref':
        visit(t.ref);
        return { $ref: `#/definitions/${defName(t.ref)}` };
      default:
        return {};
    }
  };
  const visit = (ref) => {
    const name = defName(ref);
    if (definitions[name]) return;
    const def = schema.types[ref];
    if (!def) {
      definitions[name] = {};
      return;
    }
    if (def.alias) {
      // Quantity is a string on the wire, but YAML authors write `cpu: 1` too.
      const out = ref === 'api/resource.Quantity' ? { anyOf: [{ type: 'string' }, { type: 'number' }] } : toJson(def.alias);
      definitions[name] = { ...out, ...(def.description ? { description: def.description } : {}) };
      return;
    }
    const node = { type: 'object', properties: {}, additionalProperties: false };
    definitions[name] = node;
    if (def.description) node.description = def.description;
    const required = [];
    for (const [prop, p] of Object.entries(def.properties)) {
      const s = toJson(p.type);
      const values = s.type === 'string' && !s.enum ? enumFromDoc(p.description) : undefined;
      if (values) s.enum = values;
      node.properties[prop] = p.description ? { ...s, description: p.description } : s;
      if (p.required) required.push(prop);
    }
    if (required.length) node.required = required;
  };
  const oneOf = [];
  for (const [kind, ref] of Object.entries(JSON_SCHEMA_ROOTS)) {
    visit(ref);
    const root = definitions[defName(ref)];
    root.properties.apiVersion = { ...root.properties.apiVersion, enum: ['v1'] };
    root.properties.kind = { ...root.properties.kind, enum: [kind] };
    root.required = ['apiVersion', 'kind', ...(root.required ?? [])];
    oneOf.push({ $ref: `#/definitions/${defName(ref)}` });
  }
  const sortedDefs = {};
  for (const key of Object.keys(definitions).sort()) sortedDefs[key] = definitions[key];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://podlab.local/k8s-v1.json',
    description: 'Kubernetes core/v1 objects Pod Lab accepts (generated from kubernetes-types).',
    oneOf,
    definitions: sortedDefs,
  };
}

function writeIfChanged(file, content) {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return false;
  fs.writeFileSync(file, content);
  return true;
}

const started = process.hrtime.bigint();
if (!fs.existsSync(typesDir)) {
  console.error(`gen-schema: ${typesDir} not found; run npm install first`);
  process.exit(1);
}
const schema = buildSchema();
const jsonSchema = buildJsonSchema(schema);
fs.mkdirSync(outDir, { recursive: true });
const a = writeIfChanged(path.join(outDir, 'k8s-schema.json'), JSON.stringify(schema) + '\n');
const b = writeIfChanged(path.join(outDir, 'k8s-jsonschema.json'), JSON.stringify(jsonSchema) + '\n');
const ms = Number(process.hrtime.bigint() - started) / 1e6;
console.log(
  `gen-schema: ${Object.keys(schema.types).length} types from kubernetes-types ${schema.version}` +
    ` (${a || b ? 'written' : 'unchanged'}) in ${ms.toFixed(0)} ms`,
);
