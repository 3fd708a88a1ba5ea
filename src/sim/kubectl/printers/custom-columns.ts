/**
 * `-o custom-columns=HEADER:PATH,...` and `-o custom-columns-file=FILE` (cli-runtime
 * printers/customcolumn.go): one column per JSONPath, values printed with Go's fmt.Sprint
 * (`map[k:v]`, `[a b]`, `<nil>`), several values of one path joined by ",", a path that finds
 * nothing printed as `<none>`. Headers are printed as given (not upper-cased), once.
 */
import { findResults, goSprint, JsonPathError } from '../jsonpath';
import { relaxedJsonPath } from '../sortby';
import { escapeTerminal } from './table';
import { newTableTabWriter } from './tabwriter';

export interface Column {
  header: string;
  fieldSpec: string;
}

/** An error kubectl reports for the spec (printed as `error: <message>`). */
export class CustomColumnsError extends Error {}

/** NewCustomColumnsPrinterFromSpec. */
export function columnsFromSpec(spec: string): Column[] {
  if (spec.length === 0) throw new CustomColumnsError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new CustomColumnsError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return { header: part.slice(0, colon), fieldSpec: relaxed(part.slice(colon + 1)) };
  });
}

/** NewCustomColumnsPrinterFromTemplate: a line of headers, then a line of paths, whitespace-separated. */
export function columnsFromTemplate(text: string): Column[] {
  const lines = text.split('\n');
  if (text === '' || lines.length < 1) throw new CustomColumnsError('invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.');
  if (lines.length < 2 || (lines.length === 2 && lines[1] === '')) throw new CustomColumnsError('invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.');
  const headers = splitOnWhitespace(lines[0]);
  const specs = splitOnWhitespace(lines[1]);
  if (headers.length !== specs.length) throw new CustomColumnsError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((header, i) => ({ header, fieldSpec: relaxed(specs[i]) }));
}

function splitOnWhitespace(line: string): string[] {
  return line.split(/[ \t\r\v\f]+/).filter((w) => w.length > 0);
}

function relaxed(path: string): string {
  try {
    return relaxedJsonPath(path);
  } catch (e) {
    throw new CustomColumnsError((e as Error).message);
  }
}

/**
 * The printed table. An evaluation error stops printing there, after what was already written
 * (the header, earlier rows), like kubectl: the text so far plus the error are returned.
 */
export function printCustomColumns(columns: Column[], objects: unknown[], noHeaders: boolean): { text: string; error?: string } {
  const w = newTableTabWriter();
  let error: string | undefined;
  if (!noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  try {
    for (const o of objects) {
      const cells = columns.map((c) => {
        const values = findResults(c.fieldSpec, o);
        const strings: string[] = [];
        if (values.length === 0 || values[0].length === 0) strings.push('<none>');
        for (const vs of values) for (const v of vs) strings.push(escapeTerminal(goSprint(v)));
        return strings.join(',');
      });
      w.write(cells.join('\t') + '\n');
    }
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    error = e.message;
  }
  w.flush();
  return { text: w.takeOutput(), error };
}
