/**
 * `kubectl ... -o yaml`: the object as sigs.k8s.io/yaml prints it (Go JSON → go-yaml v2 →
 * YAML), reproduced byte for byte. What that implies, and what this module reimplements:
 *
 * - Map keys in go-yaml's order (sorter.go keyList.Less): letters after non-letters, digit runs
 *   compared as numbers ("a9" < "a10"), otherwise by code point.
 * - Strings that would read back as another type (resolve.go: "80", "true", "yes", "on", "~",
 *   "null", "", "1e3", "0x1F", "2025-06-13", "12:30", ...) are double-quoted.
 * - The libyaml emitter's scalar analysis picks plain / 'single' / "double" / | literal style;
 *   plain and quoted scalars are folded at spaces once past column 80; strings with newlines are
 *   literal blocks with chomping (|, |-, |+) and indentation indicators (|2-).
 * - Sequences inside mappings are not indented ("- " at the key's column).
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// --- character classes (libyaml yaml_private.h, on code points) -----------------------------

const isSpace = (c: number | undefined) => c === 0x20;
const isBreak = (c: number | undefined) => c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;
const isBlank = (c: number | undefined) => c === 0x20 || c === 0x09;
const isBlankz = (c: number | undefined) => isBlank(c) || isBreak(c) || c === 0 || c === undefined;

function isPrintable(c: number): boolean {
  return (
    c === 0x0a ||
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}

// --- resolve.go: would this plain text read back as something other than a string? ----------

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Go strconv.ParseInt(s, 0, 64) / ParseUint succeed? (s has no underscores here). */
function parsesAsGoInt(s: string): boolean {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return false;
  const digits = m[2];
  let v: bigint;
  if (/^0[oO]/.test(digits)) v = BigInt('0o' + digits.slice(2));
  else if (/^0[0-7]+$/.test(digits)) v = BigInt('0o' + digits.slice(1));
  else v = BigInt(digits.toLowerCase().startsWith('0x') || digits.toLowerCase().startsWith('0b') ? digits.toLowerCase() : digits);
  if (m[1] === '-') return v <= 2n ** 63n;
  return v <= 2n ** 64n - 1n;
}

/** Go's yaml parseTimestamp (only tried for text starting with four digits and '-'). */
function isYamlTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/.test(s)
  );
}

/** True when go-yaml would resolve plain `s` to a non-string (so the encoder quotes it). */
export function resolvesToNonString(s: string): boolean {
  const c = s === '' ? 'N' : s[0];
  const hint = /[yYnNtTfFoO~]/.test(c) ? 'M' : /[0-9]/.test(c) ? 'D' : c === '+' || c === '-' ? 'S' : c === '.' ? '.' : c === 'N' ? 'M' : '';
  if (s === '') return true;
  if (!hint) return false;
  if (RESOLVE_MAP.has(s)) return true;
  if (hint === 'M') return false;
  if (hint === '.') return goParseFloatOK(s);
  if (isYamlTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (parsesAsGoInt(plain)) return true;
  if (YAML_STYLE_FLOAT.test(plain)) return true;
  if (/^-?0b[01]+$/.test(plain)) return true;
  return false;
}

/** strconv.ParseFloat(s, 64) accepts s (decimal or hex floats, inf/nan words). */
function goParseFloatOK(s: string): boolean {
  return (
    /^[+-]?(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?$/.test(s) ||
    /^[+-]?(inf|infinity|nan)$/i.test(s) ||
    /^[+-]?0[xX]([\da-fA-F]+\.?[\da-fA-F]*|\.[\da-fA-F]+)[pP][+-]?\d+$/.test(s)
  );
}

// --- key order (sorter.go) -------------------------------------------------------------------

const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && /\p{Nd}/u.test(ch);

/** go-yaml v2 keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10n + BigInt(ar[ai].codePointAt(0)! - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10n + BigInt(br[bi].codePointAt(0)! - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

// --- scalar analysis (yaml_emitter_analyze_scalar) -------------------------------------------

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  const ch = (i: number) => String.fromCodePoint(cps[i]);
  if (cps.length >= 3 && ((ch(0) === '-' && ch(1) === '-' && ch(2) === '-') || (ch(0) === '.' && ch(1) === '.' && ch(2) === '.'))) {
    blockIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < cps.length; i++) {
    const c = ch(i);
    const followedByWhitespace = i + 1 >= cps.length || isBlank(cps[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      else if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      else if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      else if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(cps[i])) specialCharacters = true;
    if (isSpace(cps[i])) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cps[i])) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(cps[i]);
  }
  const a: ScalarAnalysis = { multiline: lineBreaks, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.blockPlainAllowed = false;
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) a.blockPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

// --- the emitter -----------------------------------------------------------------------------

type Style = 'plain' | 'single' | 'double' | 'literal';

class Emitter {
  out = '';
  column = 0;
  whitespace = true;
  indention = true;
  openEnded = false;

  put(s: string): void {
    for (const _ of s) this.column++;
    this.out += s;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  writeIndent(indent: number): void {
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
    this.openEnded = false;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  /** write_break for a non-'\n' break character (NEL, LS, PS, CR): copied, column reset. */
  private writeOtherBreak(c: number): void {
    this.out += String.fromCodePoint(c);
    this.column = 0;
    this.indention = true;
  }

  scalar(text: string, style: Style, indent: number, simpleKey: boolean): void {
    const cps = [...text].map((c) => c.codePointAt(0)!);
    const a = analyzeScalar(cps);
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if (!a.blockPlainAllowed) style = 'single';
      if (cps.length === 0 && simpleKey) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    const allowBreaks = !simpleKey;
    switch (style) {
      case 'plain':
        return this.writePlain(cps, indent, allowBreaks);
      case 'single':
        return this.writeSingle(cps, indent, allowBreaks);
      case 'double':
        return this.writeDouble(cps, indent, allowBreaks);
      case 'literal':
        return this.writeLiteral(cps, indent);
    }
  }

  private writePlain(cps: number[], indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(cps[i + 1])) this.writeIndent(indent);
        else this.put(' ');
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        if (c === 0x0a) this.putBreak();
        else this.writeOtherBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(String.fromCodePoint(c));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(cps: number[], indent: number, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1 && !isSpace(cps[i + 1])) {
          this.writeIndent(indent);
        } else {
          this.put(' ');
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        if (c === 0x0a) this.putBreak();
        else this.writeOtherBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        const s = String.fromCodePoint(c);
        this.put(s === "'" ? "''" : s);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(cps: number[], indent: number, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    // libyaml's is_bom looks at the start of the whole value, not at position i: a value
    // starting with U+FEFF gets every character escaped.
    const startsWithBom = cps[0] === 0xfeff;
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const c = cps[i];
      if (!isPrintable(c) || startsWithBom || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\' + doubleQuotedEscape(c));
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
          this.writeIndent(indent);
          if (isSpace(cps[i + 1])) this.put('\\');
        } else {
          this.put(' ');
        }
        spaces = true;
      } else {
        this.put(String.fromCodePoint(c));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(cps: number[], indent: number): void {
    this.writeIndicator('|', true, false, false);
    let hints = '';
    if (isSpace(cps[0]) || isBreak(cps[0])) hints += String(BEST_INDENT);
    this.openEnded = false;
    const last = cps.length - 1;
    if (cps.length === 0 || !isBreak(cps[last])) hints += '-';
    else if (last === 0 || isBreak(cps[last - 1])) {
      hints += '+';
      this.openEnded = true;
    }
    this.put(hints);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cps) {
      if (isBreak(c)) {
        if (c === 0x0a) this.putBreak();
        else this.writeOtherBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent(indent);
          breaks = false;
        }
        this.put(String.fromCodePoint(c));
        this.indention = false;
      }
    }
  }
}

function doubleQuotedEscape(c: number): string {
  switch (c) {
    case 0x00: return '0';
    case 0x07: return 'a';
    case 0x08: return 'b';
    case 0x09: return 't';
    case 0x0a: return 'n';
    case 0x0b: return 'v';
    case 0x0c: return 'f';
    case 0x0d: return 'r';
    case 0x1b: return 'e';
    case 0x22: return '"';
    case 0x5c: return '\\';
    case 0x85: return 'N';
    case 0xa0: return '_';
    case 0x2028: return 'L';
    case 0x2029: return 'P';
  }
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return 'x' + hex.padStart(2, '0');
  if (c <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

/** go-yaml's float text (strconv.FormatFloat(f, 'g', -1, 64) plus .inf/.nan). */
function formatFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  const exp = f === 0 ? 0 : Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = f.toExponential().split('e');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(f);
}

/** The encoder's choice for a Go string (encode.go stringv). */
function stringStyle(s: string): Style {
  if (s.includes('\n')) return 'literal';
  if (resolvesToNonString(s) || BASE60_FLOAT.test(s)) return 'double';
  return 'plain';
}

function emitScalarValue(e: Emitter, v: null | boolean | number | string, indent: number, simpleKey: boolean): void {
  if (v === null) return e.scalar('null', 'plain', indent, simpleKey);
  if (typeof v === 'boolean') return e.scalar(String(v), 'plain', indent, simpleKey);
  if (typeof v === 'number') return e.scalar(Number.isInteger(v) ? String(v) : formatFloat(v), 'plain', indent, simpleKey);
  return e.scalar(v, stringStyle(v), indent, simpleKey);
}

const isMap = (v: Json): v is { [k: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Block mapping whose keys sit at column `indent`. */
function emitMapping(e: Emitter, m: { [k: string]: Json }, indent: number): void {
  for (const k of sortedKeys(m)) {
    e.writeIndent(indent);
    emitScalarValue(e, k, indent + BEST_INDENT, true);
    e.writeIndicator(':', false, false, false);
    emitNode(e, m[k], indent, true);
  }
}

function emitSequence(e: Emitter, s: Json[], indent: number): void {
  for (const item of s) {
    e.writeIndent(indent);
    e.writeIndicator('-', true, false, true);
    emitNode(e, item, indent + BEST_INDENT, false);
  }
}

/**
 * A node that follows "key:" (inMapping, parent keys at `indent`) or "- " (items at
 * indent - 2). Nested mappings go one level deeper; sequences in mappings stay at the key's
 * column (go-yaml's indentless sequences).
 */
function emitNode(e: Emitter, v: Json, indent: number, inMapping: boolean): void {
  if (Array.isArray(v)) {
    if (v.length === 0) return e.writeIndicator('[]', true, false, false);
    return emitSequence(e, v, inMapping ? indent : indent);
  }
  if (isMap(v)) {
    if (Object.keys(v).length === 0) return e.writeIndicator('{}', true, false, false);
    return emitMapping(e, v, inMapping ? indent + BEST_INDENT : indent);
  }
  emitScalarValue(e, v, inMapping ? indent + BEST_INDENT : indent, false);
}

/** The object as plain JSON data (what Go's json.Marshal would see). */
function toJson(v: unknown): Json {
  return JSON.parse(JSON.stringify(v ?? null)) as Json;
}

/**
 * Serialises an object as `kubectl get -o yaml` prints it. Throws the error kubectl reports for
 * text go-yaml refuses (DEL and other C1/C0 control characters it reads as non-printable).
 */
export function toYAML(obj: unknown): string {
  const data = toJson(obj);
  assertYamlReadable(data);
  const e = new Emitter();
  if (isMap(data) && Object.keys(data).length > 0) emitMapping(e, data, 0);
  else if (Array.isArray(data) && data.length > 0) emitSequence(e, data, 0);
  else emitNode(e, data, 0, false);
  if (e.openEnded) {
    e.writeIndicator('...', true, false, false);
    e.writeIndent(0);
  } else if (e.column > 0) {
    e.putBreak();
  }
  return e.out;
}

/**
 * sigs.k8s.io/yaml first re-reads the JSON with go-yaml, whose reader rejects characters outside
 * its printable set (tab, LF, CR and NEL excepted): e.g. DEL (0x7F). kubectl then prints
 * `error: yaml: control characters are not allowed`.
 */
export class YamlControlCharacterError extends Error {
  constructor() {
    super('yaml: control characters are not allowed');
  }
}

function assertYamlReadable(v: Json): void {
  if (typeof v === 'string') {
    for (const ch of v) {
      const c = ch.codePointAt(0)!;
      // Inside a JSON string C0 controls arrive escaped (\u0007) and are fine; what the reader
      // sees raw is the rest, where DEL, C1 controls, surrogates and U+FFFE/FFFF are refused.
      const allowedRaw = c < 0x7f || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
      if (!allowedRaw) throw new YamlControlCharacterError();
    }
    return;
  }
  if (Array.isArray(v)) v.forEach(assertYamlReadable);
  else if (isMap(v)) {
    for (const [k, x] of Object.entries(v)) {
      assertYamlReadable(k);
      assertYamlReadable(x);
    }
  }
}

/** `kubectl get <several> -o yaml`: items wrapped in a v1 List. */
export function toYAMLList(items: unknown[]): string {
  return toYAML({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });
}
