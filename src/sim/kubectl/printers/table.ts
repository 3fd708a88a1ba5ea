/**
 * The `kubectl get` table layer: column definitions with priorities (as the API server's
 * printers declare them), the client-side decoration kubectl adds (NAMESPACE for -A, LABELS for
 * --show-labels, kind/ prefix), which columns -o wide shows, cell escaping, and the tabwriter.
 *
 * The API server computes cells with Wide=true and kubectl hides priority>0 columns unless
 * -o wide, so every resource printer here returns the full (wide) cell list.
 */
import { newTableTabWriter, TabWriter } from './tabwriter.ts';

export interface TableColumn {
  /** Name as declared ("Nominated Node"); kubectl upper-cases it for the header. */
  name: string;
  /** 0 = always shown, 1 = only with -o wide. */
  priority: number;
  type?: string;
  format?: string;
}

export type TableCell = string | number | boolean | null | undefined;

export interface TableRow {
  cells: TableCell[];
  /** Labels of the row's object (for --show-labels). */
  labels?: Record<string, string>;
  namespace?: string;
}

export interface TableOptions {
  wide?: boolean;
  showLabels?: boolean;
  /** -A / --all-namespaces: NAMESPACE column first. */
  withNamespace?: boolean;
  noHeaders?: boolean;
  /** Prefix NAME cells with "<kind>/" (kubectl get all, multiple types). */
  withKind?: string;
}

/**
 * labels.FormatLabels: "k=v" pairs joined by ",", or "<none>". Go sorts the joined "k=v"
 * strings, not the keys, so "app.kubernetes.io/version=1" comes before "app=web".
 */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (pairs.length === 0) return '<none>';
  return pairs.sort(compareGoStrings).join(',');
}

/** Go's string comparison (byte-wise on UTF-8; code-point order gives the same result). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** cli-runtime WriteEscaped: ESC and CR would corrupt a terminal, so they are made visible. */
export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/** How kubectl's printTable renders one cell. */
export function formatCell(cell: TableCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    // A newline would break the table: kubectl cuts at the first line break and adds "...".
    const brk = cell.search(/[\f\n\r]/);
    return brk >= 0 ? escapeTerminal(cell.slice(0, brk)) + '...' : escapeTerminal(cell);
  }
  return String(cell);
}

/** Columns after kubectl's decoration (NAMESPACE first, LABELS last), before the wide filter. */
export function decorateColumns(columns: TableColumn[], opts: TableOptions): TableColumn[] {
  const out: TableColumn[] = [];
  if (opts.withNamespace) out.push({ name: 'Namespace', priority: 0 });
  out.push(...columns);
  if (opts.showLabels) out.push({ name: 'Labels', priority: 0 });
  return out;
}

function decorateRow(columns: TableColumn[], row: TableRow, opts: TableOptions): TableCell[] {
  const cells = [...row.cells];
  if (opts.withKind) {
    const nameCol = columns.findIndex((c) => c.format === 'name' && (c.type ?? 'string') === 'string');
    if (nameCol >= 0) cells[nameCol] = `${opts.withKind.toLowerCase()}/${cells[nameCol]}`;
  }
  const out: TableCell[] = [];
  if (opts.withNamespace) out.push(row.namespace ?? '');
  out.push(...cells);
  if (opts.showLabels) out.push(formatLabels(row.labels));
  return out;
}

/** The header line kubectl writes into the tabwriter ("NAME\tREADY\t...\n"). */
export function tableHeaderText(columns: TableColumn[], opts: TableOptions, eventColumn = false): string {
  const names = decorateColumns(columns, opts)
    .filter((c) => opts.wide || c.priority === 0)
    .map((c) => c.name.toUpperCase());
  return (eventColumn ? ['EVENT', ...names] : names).join('\t') + '\n';
}

/** cli-runtime pads watch event types to one width ("ADDED   ", "DELETED "). */
const FORMATTED_EVENT_TYPE: Record<string, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** One row as kubectl writes it into the tabwriter, with an optional watch EVENT cell. */
export function tableRowText(columns: TableColumn[], row: TableRow, opts: TableOptions, eventType?: string): string {
  const all = decorateColumns(columns, opts);
  const cells = decorateRow(columns, row, opts);
  const shown: string[] = [];
  if (eventType !== undefined) shown.push(FORMATTED_EVENT_TYPE[eventType] ?? eventType);
  all.forEach((c, i) => {
    if (i >= cells.length) return;
    if (opts.wide || c.priority === 0) shown.push(formatCell(cells[i]));
  });
  return shown.join('\t') + '\n';
}

/** A full `kubectl get` table (header unless noHeaders; nothing at all for zero rows). */
export function printTable(columns: TableColumn[], rows: TableRow[], opts: TableOptions = {}, w?: TabWriter): string {
  const writer = w ?? newTableTabWriter();
  if (rows.length > 0) {
    let text = opts.noHeaders ? '' : tableHeaderText(columns, opts);
    for (const r of rows) text += tableRowText(columns, r, opts);
    writer.write(text);
  }
  writer.flush();
  return writer.takeOutput();
}

/**
 * `kubectl get -w` output: the first table (with header) then one line per watch event, each
 * flushed alone through the same RememberWidths writer, which is what makes the output ragged.
 */
export class TableWatchPrinter {
  private readonly writer = newTableTabWriter();
  private headerPrinted = false;

  constructor(
    private readonly columns: TableColumn[],
    private readonly opts: TableOptions & { outputWatchEvents?: boolean } = {},
  ) {}

  /** Prints rows (the initial list, or one watch event); returns the text to append. */
  print(rows: TableRow[], eventType: 'ADDED' | 'MODIFIED' | 'DELETED' | string = 'ADDED'): string {
    let text = '';
    const withEvent = this.opts.outputWatchEvents ? eventType : undefined;
    if (rows.length > 0 && !this.headerPrinted && !this.opts.noHeaders) {
      text += tableHeaderText(this.columns, this.opts, withEvent !== undefined);
    }
    if (rows.length > 0) this.headerPrinted = true;
    for (const r of rows) text += tableRowText(this.columns, r, this.opts, withEvent);
    this.writer.write(text);
    this.writer.flush();
    return this.writer.takeOutput();
  }
}
