/**
 * /bin/bash in the Debian-family images. The simulator has one shell language (ash semantics);
 * bash runs it and rewords the errors learners meet most, as bash words them:
 * `bash: foo: command not found` (interactive), `bash: line 1: foo: command not found` (-c).
 */
import type { Program } from '../../runtime/process';
import type { Writable } from '../../runtime/pipe';
import { sh } from '../../shell/sh';

function bashErrors(inner: Writable, withLine: boolean): Writable {
  const where = withLine ? 'line 1: ' : '';
  return {
    write: (text) =>
      inner.write(
        text
          .replace(/^sh: ([^\n:]+): not found$/gm, `bash: ${where}$1: command not found`)
          .replace(/^sh: can't open '([^']*)': No such file or directory$/gm, 'bash: $1: No such file or directory')
          .replace(/^sh: /gm, `bash: ${where}`),
      ),
    close: () => inner.close?.(),
  };
}

export const bashProgram: Program = function* (p) {
  const withLine = p.argv.slice(1).some((a) => /^-[a-z]*c[a-z]*$/.test(a));
  const stderr = bashErrors(p.fds.stderr, withLine);
  (p.fds as { stderr: Writable }).stderr = stderr;
  return yield* sh(p);
};
