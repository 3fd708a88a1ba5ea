/**
 * "Format": re-emit the manifest's YAML in one consistent style — two-space indentation, lists
 * indented under their key as `kubectl get -o yaml` writes them — keeping comments, document
 * separators and key order. Text that does not parse is left alone (the Problems strip says why).
 */
import { parseAllDocuments } from 'yaml';

export type FormatResult = { ok: true; text: string } | { ok: false; message: string };

export function formatManifest(text: string): FormatResult {
  if (!text.trim()) return { ok: true, text };
  const docs = parseAllDocuments(text, { keepSourceTokens: false });
  if (!Array.isArray(docs)) return { ok: true, text };
  for (const d of docs) {
    if (d.errors.length) return { ok: false, message: `Cannot format: ${d.errors[0].message.split('\n')[0]}` };
  }
  const parts = docs.map((d, i) => {
    // The first document's explicit `---` is kept only if it was written.
    const out = d.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, directives: i === 0 ? undefined : false });
    return out;
  });
  let joined = '';
  parts.forEach((p, i) => {
    if (i === 0) joined = p;
    else joined += (joined.endsWith('\n') ? '' : '\n') + '---\n' + p;
  });
  return { ok: true, text: joined.endsWith('\n') ? joined : joined + '\n' };
}
