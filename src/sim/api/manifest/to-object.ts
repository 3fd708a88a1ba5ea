/**
 * Turns a parsed YAML document into the plain JSON object kubectl would send, with go-yaml v2's
 * YAML 1.1 rules (what sigs.k8s.io/yaml uses): `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0644`
 * is octal 420, `1e3` is a number, timestamps and `1:20` stay strings, `<<` merges. The document is
 * parsed with the failsafe schema (every scalar a string) and each plain scalar is resolved here,
 * so the result does not depend on the YAML library's own 1.2 rules.
 *
 * While converting, it records where every field came from (for editor diagnostics) and which keys
 * were repeated, and applies go-yaml's guard against alias bombs.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import { formatPath, pathKey, type PathSegment } from '../fieldpath';

export class ConversionError extends Error {
  constructor(
    /** go-yaml / encoding/json wording, e.g. `yaml: document contains excessive aliasing`. */
    message: string,
    readonly offset?: number,
    /** Set for go-yaml parser errors, whose message still needs go-yaml's (0-based) line number. */
    readonly parserError = false,
  ) {
    super(message);
  }
}

export interface ConvertedDocument {
  value: unknown;
  /** Offset of the key (for object fields) or of the item (for list entries), by path. */
  offsets: Map<string, number>;
  /** Repeated keys as field paths (`metadata.name`), in document order. */
  duplicates: string[];
}

const BOOL_NULL: Record<string, boolean | null> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']) BOOL_NULL[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']) BOOL_NULL[s] = false;
for (const s of ['', '~', 'null', 'Null', 'NULL']) BOOL_NULL[s] = null;
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TAG = 'tag:yaml.org,2002:';

/** Go's strconv.ParseInt(s, 0, 64) accepting form: sign, then 0x / 0o / 0b / leading-0 octal / decimal. */
function parseGoInt(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const digits = m[2];
  let v: number;
  if (/^0[xX]/.test(digits)) v = parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) v = parseInt(digits.slice(2), 8);
  else if (/^0[bB]/.test(digits)) v = parseInt(digits.slice(2), 2);
  else if (digits.length > 1 && digits[0] === '0') v = parseInt(digits.slice(1), 8);
  else v = parseInt(digits, 10);
  return m[1] === '-' ? -v : v;
}

/** go-yaml v2's resolve() for an untagged plain scalar. */
export function resolvePlainScalar(s: string): unknown {
  if (s in BOOL_NULL) return BOOL_NULL[s];
  if (s in SPECIAL_FLOATS) return SPECIAL_FLOATS[s];
  const c = s[0];
  if (c === '.') {
    // Go's ParseFloat on the raw text (".5" → 0.5); anything else stays a string.
    return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? Number(s) : s;
  }
  if ((c >= '0' && c <= '9') || c === '+' || c === '-') {
    const plain = s.replace(/_/g, '');
    const i = parseGoInt(plain);
    if (i !== undefined) return i;
    if (YAML_STYLE_FLOAT.test(plain)) return Number(plain);
  }
  return s;
}

/** A scalar with an explicit tag: go-yaml resolves !!int/!!float/!!bool/!!null, keeps others as text. */
function resolveTagged(tag: string, s: string): unknown {
  if (tag === `${TAG}str` || !tag.startsWith(TAG)) return s;
  const v = resolvePlainScalar(s);
  if (tag === `${TAG}int` || tag === `${TAG}float`) return typeof v === 'number' ? v : s;
  if (tag === `${TAG}bool`) return typeof v === 'boolean' ? v : s;
  if (tag === `${TAG}null`) return v === null ? null : s;
  return s;
}

/** The key string sigs.k8s.io/yaml makes of a non-string map key. */
function keyString(k: unknown): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number') {
    if (Number.isNaN(k)) return '.nan';
    if (k === Infinity) return '.inf';
    if (k === -Infinity) return '-.inf';
    return String(k);
  }
  if (k === null) return 'null';
  return JSON.stringify(k);
}

/** go-yaml v2's allowedAliasRatio: how much of a document may come from alias expansion. */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400000;
  const high = 4000000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

export function convertDocument(doc: Document.Parsed): ConvertedDocument {
  const offsets = new Map<string, number>();
  const duplicates: string[] = [];
  const anchors = new Map<string, YamlNode>();
  const expanding = new Set<YamlNode>();
  // go-yaml counts the document node itself, then every node it decodes.
  let decodeCount = 1;
  let aliasCount = 0;
  let aliasDepth = 0;

  const count = (): void => {
    decodeCount++;
    if (aliasDepth > 0) aliasCount++;
    if (aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount)) {
      throw new ConversionError('yaml: document contains excessive aliasing');
    }
  };

  const convert = (node: unknown, path: PathSegment[] | undefined): unknown => {
    if (node === null || node === undefined) return null;
    count();
    const n = node as YamlNode;
    if (!isAlias(n) && n.anchor) anchors.set(n.anchor, n);
    if (isAlias(n)) {
      const target = anchors.get(n.source);
      if (!target) throw new ConversionError(`yaml: unknown anchor '${n.source}' referenced`, n.range?.[0]);
      if (expanding.has(target)) throw new ConversionError(`yaml: anchor '${n.source}' value contains itself`, n.range?.[0]);
      expanding.add(target);
      // Like go-yaml, the alias node counts once and every node of its target again, as aliased.
      aliasDepth++;
      try {
        return convert(target, path);
      } finally {
        aliasDepth--;
        expanding.delete(target);
      }
    }
    if (isScalar(n)) {
      const text = n.value === null || n.value === undefined ? '' : String(n.value);
      let v: unknown;
      if (n.tag) v = resolveTagged(n.tag, text);
      else if (n.type === 'PLAIN') v = resolvePlainScalar(text);
      else v = text;
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new ConversionError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`, n.range?.[0]);
      }
      return v;
    }
    if (isSeq(n)) {
      const out: unknown[] = [];
      n.items.forEach((item, i) => {
        const p = path ? [...path, i] : undefined;
        if (p && item && typeof item === 'object' && 'range' in item && (item as YamlNode).range) {
          offsets.set(pathKey(p), (item as YamlNode).range![0]);
        }
        out.push(convert(item, p));
      });
      return out;
    }
    if (isMap(n)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        // `: value` with no key is valid YAML 1.2 but libyaml rejects it in block mappings.
        const emptyKey = keyNode === null || (isScalar(keyNode) && keyNode.type === 'PLAIN' && !keyNode.tag && keyNode.source === '');
        if (emptyKey && !n.flow) {
          const at = (pair.value as YamlNode | null)?.range?.[0] ?? n.range?.[0];
          throw new ConversionError('did not find expected key', at, true);
        }
        // `<<: *base` merges the referenced mapping(s) into this one (go-yaml v2 semantics).
        if (keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN' && !keyNode.tag && keyNode.value === '<<') {
          const merged = convert(pair.value, path);
          const sources = Array.isArray(merged) ? merged : [merged];
          for (const src of sources) {
            if (src && typeof src === 'object' && !Array.isArray(src)) Object.assign(out, src);
          }
          continue;
        }
        const key = keyString(convert(keyNode, undefined));
        const p = path ? [...path, key] : undefined;
        if (seen.has(key)) {
          if (p) duplicates.push(formatPath(p));
        }
        seen.add(key);
        if (p && keyNode?.range) offsets.set(pathKey(p), keyNode.range[0]);
        out[key] = convert(pair.value, p);
      }
      return out;
    }
    return null;
  };

  const value = convert(doc.contents, []);
  return { value, offsets, duplicates };
}
