/**
 * `ls` on a terminal lists names in columns, filled top to bottom, as wide as the terminal
 * (80 columns: the size kubectl reports for a fresh session). GNU ls (Debian images) gives each
 * column its own width with two spaces between; busybox ls makes every column as wide as the
 * longest name plus two.
 */
export const TERMINAL_COLUMNS = 80;

export function lsColumns(names: string[], style: 'gnu' | 'busybox', width = TERMINAL_COLUMNS): string[] {
  if (!names.length) return [];
  const n = names.length;
  if (style === 'busybox') {
    // busybox: as many columns of (longest + 2) as fit the width, filled top to bottom.
    const colWidth = Math.max(...names.map((s) => s.length)) + 2;
    const cols = Math.max(1, Math.floor(width / colWidth));
    const rows = Math.ceil(n / cols);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const row: string[] = [];
      for (let i = r; i < n; i += rows) row.push(names[i]);
      lines.push(row.map((x, j) => (j === row.length - 1 ? x : x.padEnd(colWidth))).join(''));
    }
    return lines;
  }
  for (let cols = Math.min(n, Math.max(1, Math.floor(width / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    // Column-major filling can leave trailing columns empty; such a layout is not a real choice.
    if (Math.ceil(n / rows) !== cols) continue;
    const colWidths: number[] = [];
    for (let c = 0; c < cols; c++) {
      const chunk = names.slice(c * rows, (c + 1) * rows);
      colWidths.push(Math.max(...chunk.map((s) => s.length)));
    }
    const total = colWidths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total >= width && cols > 1) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < cols; c++) {
        const i = c * rows + r;
        if (i >= n) break;
        const last = c === cols - 1 || (c + 1) * rows + r >= n;
        line += last ? names[i] : names[i].padEnd(colWidths[c] + 2);
      }
      lines.push(line);
    }
    return lines;
  }
  return names;
}
