/**
 * less and more. The workstation's terminal cannot be paged by a program here (the browser
 * terminal scrolls, podlab sh has no screen), so they behave as they do when their output is not
 * a terminal: the text is copied through whole. Several files with more get its `::::::` headers.
 */
import type { Program } from '../../runtime/process';
import { abs, appletName, errText, out, readAll, type Gen } from '../../shell/commands/util';

export const pager: Program = function* (p): Gen<number> {
  const name = appletName(p);
  const files = p.argv.slice(1).filter((a) => !a.startsWith('-') && !a.startsWith('+'));
  if (!files.length) {
    out(p, yield* readAll(p));
    return 0;
  }
  let status = 0;
  for (const f of files) {
    let text: string;
    try {
      const st = p.host.fs.statFollow(abs(p, f));
      if (st?.type === 'dir') {
        p.fds.stderr.write(name === 'less' ? `${f} is a directory\n` : `\n*** ${f}: directory ***\n\n`);
        status = 1;
        continue;
      }
      text = p.host.fs.readFile(abs(p, f));
    } catch (e) {
      p.fds.stderr.write(name === 'less' ? `${f}: ${errText(e)}\n` : `more: cannot open ${f}: ${errText(e)}\n`);
      status = 1;
      continue;
    }
    if (name === 'more' && files.length > 1) out(p, `::::::::::::::\n${f}\n::::::::::::::\n`);
    out(p, text);
  }
  return status;
};
