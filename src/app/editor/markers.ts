/** Engine diagnostics as Monaco markers: the whole written field, or the rest of the line. */
import type { Diagnostic } from '../../client/protocol';
import type { editor } from 'monaco-editor/editor/editor.api';
import { MarkerSeverity } from 'monaco-editor/editor/editor.api';

export function toMarkers(problems: readonly Diagnostic[], model: editor.ITextModel): editor.IMarkerData[] {
  const lines = model.getLineCount();
  return problems.flatMap((p) => {
    // A problem with no place (a server error) is listed in the Problems strip, not marked.
    if (p.line === undefined) return [];
    const line = Math.min(Math.max(p.line, 1), lines);
    const text = model.getLineContent(line);
    const firstNonSpace = text.length - text.trimStart().length + 1;
    const column = Math.max(p.column ?? firstNonSpace, 1);
    const endLine = p.endLine ?? line;
    const endColumn = p.endColumn ?? model.getLineMaxColumn(Math.min(endLine, lines));
    return [
      {
        severity: p.severity === 'error' ? MarkerSeverity.Error : MarkerSeverity.Warning,
        message: p.message,
        source: p.source,
        startLineNumber: line,
        startColumn: column,
        endLineNumber: endLine,
        endColumn: Math.max(endColumn, column + 1),
      },
    ];
  });
}
