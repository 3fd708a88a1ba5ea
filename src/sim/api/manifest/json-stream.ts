/**
 * kubectl reads a manifest that starts with `{` as a stream of JSON values (Go's json.Decoder), not
 * as YAML. This scanner mirrors the state machine of Go's encoding/json so a learner's broken JSON
 * gets the same message: `json: offset 21: invalid character '"' after object key:value pair`.
 * It only finds value boundaries and syntax errors; the values are then parsed for positions.
 */
import { utf8Length } from '../utf8';

export interface JsonValueSpan {
  /** [start, end) offsets of one top-level value in the text. */
  start: number;
  end: number;
}

export type JsonScanResult =
  | { ok: true; values: JsonValueSpan[] }
  | {
      ok: false;
      values: JsonValueSpan[];
      /** `json: offset 21: invalid character ...` or `unexpected EOF`, as kubectl prints it. */
      message: string;
      /** Offset of the offending character in the text. */
      at: number;
    };

type Ctx = 'objectKey' | 'objectValue' | 'arrayValue';

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

/** Go's quoteChar: how encoding/json names a byte in a syntax error. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.charCodeAt(0);
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };
  if (named[c]) return `'${named[c]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class SyntaxErr {
  constructor(
    readonly msg: string,
    readonly at: number,
  ) {}
}

export function scanJsonStream(text: string): JsonScanResult {
  const values: JsonValueSpan[] = [];
  let i = 0;
  try {
    for (;;) {
      while (i < text.length && isSpace(text[i])) i++;
      if (i >= text.length) return { ok: true, values };
      const start = i;
      i = scanValue(text, i);
      values.push({ start, end: i });
    }
  } catch (e) {
    if (e instanceof SyntaxErr) {
      if (e.at >= text.length) return { ok: false, values, message: 'unexpected EOF', at: text.length };
      return { ok: false, values, message: `json: offset ${utf8Length(text, Infinity, e.at) + 1}: ${e.msg}`, at: e.at };
    }
    throw e;
  }
}

/** Scans one JSON value starting at `i` (not whitespace); returns the offset just after it. */
function scanValue(text: string, i: number): number {
  const stack: Ctx[] = [];
  const fail = (at: number, context: string): never => {
    if (at >= text.length) throw new SyntaxErr('', text.length);
    throw new SyntaxErr(`invalid character ${quoteChar(text[at])} ${context}`, at);
  };
  const skip = (): void => {
    while (i < text.length && isSpace(text[i])) i++;
  };

  // Reads a scalar or opens a container; `orEmpty` allows the closing bracket of an empty array.
  const beginValue = (): 'open' | 'done' => {
    skip();
    const c = text[i];
    if (c === undefined) fail(i, 'looking for beginning of value');
    if (c === '{') {
      i++;
      skip();
      if (text[i] === '}') {
        i++;
        return 'done';
      }
      if (text[i] !== '"') fail(i, 'looking for beginning of object key string');
      stack.push('objectKey');
      scanString();
      return 'open';
    }
    if (c === '[') {
      i++;
      skip();
      if (text[i] === ']') {
        i++;
        return 'done';
      }
      stack.push('arrayValue');
      return beginValue() === 'open' ? 'open' : 'done';
    }
    if (c === '"') {
      scanString();
      return 'done';
    }
    if (c === '-' || isDigit(c)) {
      scanNumber();
      return 'done';
    }
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return fail(i, 'looking for beginning of value');
  };

  const literal = (word: string): 'done' => {
    for (let k = 1; k < word.length; k++) {
      if (text[i + k] !== word[k]) fail(i + k, `in literal ${word} (expecting ${quoteChar(word[k])})`);
    }
    i += word.length;
    return 'done';
  };

  const scanString = (): void => {
    i++; // opening quote
    for (;;) {
      const c = text[i];
      if (c === undefined) fail(i, '');
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) fail(i + 1, '');
        if ('bfnrt\\/"'.includes(e)) {
          i += 2;
          continue;
        }
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!isHex(text[i + k] ?? '')) fail(i + k, 'in \\u hexadecimal character escape');
          i += 6;
          continue;
        }
        fail(i + 1, 'in string escape code');
      }
      if (c.charCodeAt(0) < 0x20) fail(i, 'in string literal');
      i++;
    }
  };

  const scanNumber = (): void => {
    if (text[i] === '-') {
      i++;
      if (!isDigit(text[i] ?? '')) fail(i, 'in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (isDigit(text[i] ?? '')) i++;
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i] ?? '')) fail(i, 'after decimal point in numeric literal');
      while (isDigit(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i] ?? '')) fail(i, 'in exponent of numeric literal');
      while (isDigit(text[i] ?? '')) i++;
    }
  };

  if (beginValue() === 'done' && stack.length === 0) return i;
  // Inside containers: the state after a complete key or value.
  for (;;) {
    skip();
    const top = stack[stack.length - 1];
    const c = text[i];
    if (top === 'objectKey') {
      if (c !== ':') fail(i, 'after object key');
      i++;
      stack[stack.length - 1] = 'objectValue';
      if (beginValue() === 'open') continue;
    } else if (top === 'objectValue') {
      if (c === ',') {
        i++;
        skip();
        if (text[i] !== '"') fail(i, 'looking for beginning of object key string');
        stack[stack.length - 1] = 'objectKey';
        scanString();
        continue;
      }
      if (c !== '}') fail(i, 'after object key:value pair');
      i++;
      stack.pop();
    } else {
      if (c === ',') {
        i++;
        if (beginValue() === 'open') continue;
        continue;
      }
      if (c !== ']') fail(i, 'after array element');
      i++;
      stack.pop();
    }
    if (stack.length === 0) return i;
  }
}
