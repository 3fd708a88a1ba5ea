/**
 * kubectl turns YAML into JSON with go-yaml (libyaml's scanner and parser), so a learner's syntax
 * error reads `yaml: line 7: mapping values are not allowed in this context`. We parse with the
 * `yaml` package, whose errors are worded and placed differently; this module translates its first
 * error of a document into the message go-yaml prints for the same mistake.
 *
 * Two go-yaml quirks matter for the line number:
 * - scanner errors (bad characters, `:` where no mapping may start, unterminated quotes) report the
 *   1-based line of the problem;
 * - parser errors (`did not find expected key`, `... '-' indicator`, `... ',' or '}'`) report the
 *   0-based line of the offending token, i.e. one less than the line an editor shows;
 * - a reported line of 0 is dropped altogether (`yaml: did not find expected key`).
 * The rules below were calibrated against kubectl v1.32 on a corpus of typical mistakes (see the
 * tests); anything unrecognised falls back to the most common parser message.
 */

export interface YamlLibError {
  code: string;
  message: string;
  /** [start, end) offsets into the document text. */
  pos: [number, number];
}

export interface GoYamlError {
  /** `yaml: line 5: mapping values are not allowed in this context` */
  message: string;
  /** 1-based line/column (relative to the document text) of the problem, for the editor. */
  line: number;
  column: number;
}

const SCANNER_NO_TOKEN = 'found character that cannot start any token';
const MAPPING_NOT_ALLOWED = 'mapping values are not allowed in this context';
const EXPECTED_KEY = 'did not find expected key';
const EXPECTED_DASH = "did not find expected '-' indicator";
const EXPECTED_COLON = "could not find expected ':'";
const NODE_CONTENT = 'did not find expected node content';

export function toGoYamlError(err: YamlLibError, text: string): GoYamlError {
  const lines = new LineIndex(text);
  const start = Math.min(err.pos[0], text.length);
  const end = Math.min(Math.max(err.pos[1], start), text.length);
  const at = lines.pos(start);
  const msg = err.message;

  const scanner = (m: string, offset: number): GoYamlError => {
    const p = lines.pos(offset);
    // go-yaml adds 1 to the scanner's 0-based line, but only when that line is not 0.
    return { message: p.line > 1 ? `yaml: line ${p.line}: ${m}` : `yaml: ${m}`, line: p.line, column: p.column };
  };
  const parser = (m: string, offset: number): GoYamlError => {
    const p = lines.pos(offset);
    const reported = p.line - 1;
    return { message: reported > 0 ? `yaml: line ${reported}: ${m}` : `yaml: ${m}`, line: p.line, column: p.column };
  };

  switch (err.code) {
    case 'BAD_SCALAR_START':
    case 'TAB_AS_INDENT':
      return scanner(SCANNER_NO_TOKEN, start);
    case 'BAD_DQ_ESCAPE':
      return scanner('found unknown escape character', start);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (msg.startsWith('Nested mappings')) return scanner(MAPPING_NOT_ALLOWED, nextMappingIndicator(text, start));
      // "A block sequence may not be used as an implicit map key": a `-` entry inside a mapping.
      return parser(EXPECTED_KEY, start);
    case 'MULTILINE_IMPLICIT_KEY':
      // A plain scalar ran on to the next line and then met `:`; go-yaml stops at that `:`.
      return scanner(MAPPING_NOT_ALLOWED, nextMappingIndicator(text, start));
    case 'UNEXPECTED_TOKEN':
      if (msg.includes('block-seq-ind on same line')) return scanner('block sequence entries are not allowed in this context', start);
      if (msg.includes('Unexpected scalar at node end')) return parser(blockContextMessage(text, lines, start), start);
      return parser(EXPECTED_KEY, start);
    case 'MISSING_CHAR':
      if (/Missing closing ["']quote/.test(msg)) return scanner('found unexpected end of stream', text.length);
      if (msg.includes('between flow map items')) return parser("did not find expected ',' or '}'", start);
      if (msg.includes('between flow sequence items')) return parser("did not find expected ',' or ']'", start);
      if (msg.includes('Implicit map keys need to be followed by map values') || msg.includes('Sequence item without')) {
        return bareScalarError(text, lines, start, end, scanner, parser);
      }
      return parser(EXPECTED_KEY, start);
    case 'BAD_INDENT':
      if (msg.startsWith('Flow map') || msg.startsWith('Flow sequence')) {
        const close = msg.startsWith('Flow map') ? '}' : ']';
        if (start >= text.trimEnd().length && /[[{,]\s*$/.test(text)) return parser(NODE_CONTENT, text.length);
        return parser(`did not find expected ',' or '${close}'`, start);
      }
      return bareScalarError(text, lines, start, end, scanner, parser);
    default:
      return parser(EXPECTED_KEY, start);
  }
}

/**
 * An entry that breaks the block structure. If its line holds a bare scalar (no `key:`) sitting at
 * the indentation of the collection above it, libyaml expected that scalar to be a key and fails in
 * the scanner at the next token (`could not find expected ':'`); otherwise the parser finds a token
 * it cannot place (`did not find expected key` or, inside an indented sequence, `'-' indicator`).
 */
function bareScalarError(
  text: string,
  lines: LineIndex,
  start: number,
  end: number,
  scanner: (m: string, o: number) => GoYamlError,
  parser: (m: string, o: number) => GoYamlError,
): GoYamlError {
  const lineNo = lines.pos(start).line;
  const lineText = lines.text(lineNo);
  const indent = indentOf(lineText);
  const body = lineText.slice(indent);
  const tokenStart = lines.offsetOf(lineNo) + indent;
  const hasMappingIndicator = /(^|[^\s])\s*:(\s|$)/.test(stripQuoted(body)) && !body.startsWith('#');
  if (!hasMappingIndicator && hasSiblingAbove(lines, lineNo, indent)) {
    return scanner(EXPECTED_COLON, nextTokenAfter(text, Math.max(end, tokenStart + body.trimEnd().length)));
  }
  return parser(blockContextMessage(text, lines, tokenStart), tokenStart);
}

/** `did not find expected '-' indicator` inside an indented block sequence, else `... key`. */
function blockContextMessage(_text: string, lines: LineIndex, offset: number): string {
  const lineNo = lines.pos(offset).line;
  const indent = indentOf(lines.text(lineNo));
  let sawEntry = false;
  for (let n = lineNo - 1; n >= 1; n--) {
    const t = lines.text(n);
    if (isBlank(t)) continue;
    const i = indentOf(t);
    if (i > indent) continue;
    if (i < indent) break;
    if (t.slice(i).startsWith('-')) {
      sawEntry = true;
      continue;
    }
    // A key at the same column as the `-` entries: an indentless sequence, which simply ends here.
    return EXPECTED_KEY;
  }
  return sawEntry ? EXPECTED_DASH : EXPECTED_KEY;
}

function hasSiblingAbove(lines: LineIndex, lineNo: number, indent: number): boolean {
  for (let n = lineNo - 1; n >= 1; n--) {
    const t = lines.text(n);
    if (isBlank(t)) continue;
    const i = indentOf(t);
    if (i === indent) return true;
    if (i < indent) return false;
  }
  return false;
}

/** Offset of the first `:` that starts a mapping value (followed by space or end of line). */
function nextMappingIndicator(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === from || /[\s[{,:]/.test(text[i - 1])) quote = c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === ':' && (i + 1 >= text.length || /\s/.test(text[i + 1]))) return i;
  }
  return from;
}

/** Offset of the next token (skipping spaces, newlines and comments), or the end of the text. */
function nextTokenAfter(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else break;
  }
  return i;
}

function stripQuoted(s: string): string {
  return s.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  return i;
}

function isBlank(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

/** 1-based line/column lookups over a text. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  pos(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
  offsetOf(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }
  text(line: number): string {
    if (line < 1 || line > this.starts.length) return '';
    const s = this.starts[line - 1];
    const e = line < this.starts.length ? this.starts[line] - 1 : this.src.length;
    return this.src.slice(s, e).replace(/\r$/, '');
  }
}
