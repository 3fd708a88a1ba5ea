/**
 * The text after `-p` (or in --patch-file): kubectl runs it through yaml.ToJSON, so JSON and YAML
 * are both accepted. JSON is read first; anything else goes through the YAML parser.
 */
import { parseDocument } from 'yaml';
import type { Json } from './json-merge';

export function parsePatchText(text: string): { value: Json } | { error: string } {
  try {
    return { value: JSON.parse(text) as Json };
  } catch {
    // not JSON: YAML
  }
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length) {
    // go-yaml reports the first problem; the yaml library's wording is kept after the "yaml: " prefix.
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    const msg = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { error: `yaml: ${line !== undefined ? `line ${line}: ` : ''}${msg.charAt(0).toLowerCase()}${msg.slice(1)}` };
  }
  return { value: (doc.toJS() ?? null) as Json };
}
