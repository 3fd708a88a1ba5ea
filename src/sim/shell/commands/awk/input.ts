/**
 * Records from a file's text or from a stdin pipe as data arrives, split by RS: newline (the
 * default) or any single character, "" for paragraph mode (blank lines separate records), or a
 * regex when RS is longer. A record is returned as soon as its terminator has arrived, so
 * `tail -f log | awk ...` prints each line when it is written.
 */
import type { Pipe } from '../../../runtime/pipe';
import type { Gen } from '../util';

export class RecordReader {
  private buf = '';
  private pos = 0;
  private eof: boolean;

  constructor(
    text: string | undefined,
    private readonly pipe?: Pipe,
  ) {
    this.buf = text ?? '';
    this.eof = text !== undefined || !pipe;
  }

  private *more(): Gen<void> {
    const r = yield { op: 'read', pipe: this.pipe! };
    if (!r || !('data' in r)) return;
    if (r.data === null) this.eof = true;
    else {
      this.buf = this.buf.slice(this.pos) + r.data;
      this.pos = 0;
    }
  }

  private take(end: number, skip: number): string {
    const rec = this.buf.slice(this.pos, end);
    this.pos = end + skip;
    return rec;
  }

  /** The next record without its terminator, or null at end of input. */
  *next(rs: string, rsRegex?: RegExp): Gen<string | null> {
    for (;;) {
      if (rs === '') {
        // Paragraph mode: leading newlines are skipped; a run of 2+ newlines ends the record.
        while (this.buf[this.pos] === '\n') this.pos++;
        const rest = this.buf.slice(this.pos);
        const m = /\n\n+/.exec(rest);
        // The run may continue in data not read yet: wait until something follows it.
        if (m && (m.index + m[0].length < rest.length || this.eof)) return this.take(this.pos + m.index, m[0].length);
      } else if (rs.length === 1) {
        const i = this.buf.indexOf(rs, this.pos);
        if (i >= 0) return this.take(i, 1);
      } else if (rsRegex) {
        rsRegex.lastIndex = this.pos;
        const m = rsRegex.exec(this.buf);
        if (m && m[0].length > 0 && (m.index + m[0].length < this.buf.length || this.eof)) return this.take(m.index, m[0].length);
      }
      if (this.eof) {
        if (this.pos >= this.buf.length) return null;
        let rec = this.take(this.buf.length, 0);
        if (rs === '') rec = rec.replace(/\n+$/, '');
        return rec;
      }
      yield* this.more();
    }
  }
}
