/**
 * Command history for ↑/↓ and the `history` builtin, local to the terminal (bash keeps it in the
 * shell too, not on the server). Consecutive duplicates and blank lines are not recorded, as with
 * bash's HISTCONTROL=ignoredups.
 */
export class History {
  private entries: string[] = [];
  /** Position while browsing; entries.length means "the line being typed". */
  private index = 0;
  private draft = '';

  add(line: string): void {
    if (line.trim() && this.entries[this.entries.length - 1] !== line) this.entries.push(line);
    this.index = this.entries.length;
    this.draft = '';
  }

  /** ↑: the previous entry, remembering the unfinished line; undefined at the oldest. */
  previous(current: string): string | undefined {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    return this.entries[--this.index];
  }

  /** ↓: the next entry, or the unfinished line after the newest. */
  next(): string | undefined {
    if (this.index >= this.entries.length) return undefined;
    this.index++;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }

  /** Stop browsing (after Ctrl+C or Enter). */
  reset(): void {
    this.index = this.entries.length;
    this.draft = '';
  }

  /** Ctrl+R: the newest entry before position `before` containing `query` (with its position). */
  search(query: string, before = this.entries.length): { index: number; entry: string } | undefined {
    for (let i = Math.min(before, this.entries.length) - 1; i >= 0; i--) if (this.entries[i].includes(query)) return { index: i, entry: this.entries[i] };
    return undefined;
  }

  clear(): void {
    this.entries = [];
    this.reset();
  }

  /** `history [N]` output: bash's `%5d  %s` lines. */
  list(last?: number): string {
    const start = last === undefined ? 0 : Math.max(0, this.entries.length - last);
    return this.entries
      .slice(start)
      .map((e, i) => `${String(start + i + 1).padStart(5)}  ${e}\n`)
      .join('');
  }
}
