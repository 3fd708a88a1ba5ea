/**
 * kubectl describe's PrefixWriter: every Write is indented two spaces per level and goes into a
 * Go text/tabwriter (minwidth 0, tabwidth 8, padding 2) whose column blocks give describe its
 * layout. The describers build the exact same byte stream and let the writer align it.
 */
import { newDescribeTabWriter, type TabWriter } from '../printers/tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private readonly tw: TabWriter = newDescribeTabWriter();

  /** Writes `text` prefixed with `level` × two spaces. */
  write(level: number, text: string): void {
    this.tw.write('  '.repeat(level) + text);
  }

  /** fmt.Fprintln(out, s): the text and a newline, no indentation. */
  writeLine(text = ''): void {
    this.tw.write(text + '\n');
  }

  flush(): void {
    this.tw.flush();
  }

  /** Flushes and returns everything written (describe's tabbedString). */
  toString(): string {
    this.tw.flush();
    return this.tw.takeOutput();
  }
}
