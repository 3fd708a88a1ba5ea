import { describe, expect, it } from 'vitest';
import { newDescribeTabWriter, newTableTabWriter, tabbedString, TabWriter } from './tabwriter.ts';

describe('table tabwriter (liggitt fork: minwidth 6, padding 3, RememberWidths)', () => {
  it('pads every column but the last to widest cell + 3, at least 6', () => {
    const w = newTableTabWriter();
    w.write('NAME\tREADY\tSTATUS\nnginx\t1/1\tRunning\n');
    w.flush();
    expect(w.takeOutput()).toBe('NAME    READY   STATUS\nnginx   1/1     Running\n');
  });

  it('minimum width 6 applies to short columns', () => {
    const w = newTableTabWriter();
    w.write('A\tB\nx\ty\n');
    w.flush();
    expect(w.takeOutput()).toBe('A     B\nx     y\n');
  });

  it('remembers widths across flushes; wider later lines are not re-aligned with earlier ones', () => {
    const w = newTableTabWriter();
    w.write('NAME\tSTATUS\tAGE\nnginx\tPending\t0s\n');
    w.flush();
    w.write('nginx\tContainerCreating\t0s\n');
    w.flush();
    w.write('nginx\tRunning\t1s\n');
    w.flush();
    expect(w.takeOutput()).toBe(
      'NAME    STATUS    AGE\n' + 'nginx   Pending   0s\n' + 'nginx   ContainerCreating   0s\n' + 'nginx   Running             1s\n',
    );
    expect(w.rememberedWidths()).toEqual([8, 20]);
  });
});

describe("describe tabwriter (Go text/tabwriter: minwidth 0, padding 2)", () => {
  it('aligns a column only within a contiguous block of lines having that cell', () => {
    const text = 'Name:\tnginx\nNamespace:\tdefault\nIPs:\n  IP:\t10.0.0.1\nQoS Class:\tBestEffort\n';
    expect(tabbedString(text)).toBe(
      // "IPs:" has no tab: it flushes, so the next lines form a new block.
      'Name:       nginx\nNamespace:  default\nIPs:\n  IP:       10.0.0.1\nQoS Class:  BestEffort\n',
    );
  });

  it('text after the last tab is not part of any column (not padded)', () => {
    expect(tabbedString('  Type\tStatus\n  Ready \tTrue \n')).toBe('  Type    Status\n  Ready   True \n');
  });

  it('a shorter line ends the block of the deeper column (Go column blocks)', () => {
    // Column 1 exists on lines 1-2 and 4 but not 3, so lines 1-2 and line 4 align separately.
    const text = 'a\tb\tc\naa\tbbbb\tc\nx\ty\nq\tr\ts\n';
    expect(tabbedString(text)).toBe('a   b     c\naa  bbbb  c\nx   y\nq   r  s\n');
  });

  it('empty trailing cell still pads its column (Medium:\\t)', () => {
    expect(tabbedString('    Type:\tEmptyDir\n    Medium:\t\n    SizeLimit:\t<unset>\n')).toBe(
      '    Type:       EmptyDir\n    Medium:     \n    SizeLimit:  <unset>\n',
    );
  });

  it('counts characters, not bytes', () => {
    expect(tabbedString('é\tx\nab\ty\n')).toBe('é   x\nab  y\n');
  });

  it('keeps unterminated text until flush', () => {
    const w = newDescribeTabWriter();
    w.write('a\tb');
    expect(w.takeOutput()).toBe('');
    w.flush();
    expect(w.takeOutput()).toBe('a  b');
  });

  it('tab padding mode rounds cells up to tabwidth', () => {
    const w = new TabWriter({ minwidth: 0, tabwidth: 8, padding: 1, padchar: '\t' });
    w.write('a\tb\nlonger-cell\tc\n');
    w.flush();
    expect(w.takeOutput()).toBe('a\t\tb\nlonger-cell\tc\n');
  });
});
