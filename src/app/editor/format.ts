/**
 * "Format": re-emit the manifest's YAML in one consistent style — two-space indentation, list
 * items at their key's indentation as `kubectl get -o yaml` writes them — keeping comments,
 * document separators, key order and flow collections (`command: ["sh", "-c"]`). Text that does
 * not parse is left alone (the Problems strip says why).
 */
import { parseAllDocuments } from 'yaml';

export type FormatResult = { ok: true; text: string } | { ok: false; message: string };

export function formatManifest(input: string): FormatResult {
  const text = input.replace(/\r\n/g, '\n');
  if (!text.trim()) return { ok: true, text };
  const docs = parseAllDocuments(text, { keepSourceTokens: false });
  if (!Array.isArray(docs)) return { ok: true, text };
  for (const d of docs) {
    if (d.errors.length) return { ok: false, message: `Cannot format: ${d.errors[0].message.split('\n')[0]}` };
  }
  const parts = docs.map((d, i) => {
    // The first document's explicit `---` is kept only if it was written.
    // kubectl's -o yaml style: list items at their key's indentation, no line folding.
    const out = d.toString({ indent: 2, indentSeq: false, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, directives: i === 0 ? undefined : false });
    return out;
  });
  let joined = '';
  parts.forEach((p, i) => {
    if (i === 0) joined = p;
    else joined += (joined.endsWith('\n') ? '' : '\n') + '---\n' + p;
  });
  return { ok: true, text: joined.endsWith('\n') ? joined : joined + '\n' };
}
