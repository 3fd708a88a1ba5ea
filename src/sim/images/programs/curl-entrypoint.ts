/**
 * curlimages/curl's /entrypoint.sh: `curl` is prepended when the first argument is an option or
 * not a command on PATH, then the result is exec'd. The image's USER is curl_user; the runtime has
 * no image-USER support yet, so the entrypoint takes that name for what ps shows.
 */
import type { Program } from '../../runtime/process';

const PATH_DEFAULT = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const curlEntrypoint: Program = function* (p) {
  p.user = 'curl_user';
  let args = p.argv.slice(1);
  const path = p.env.get('PATH') ?? PATH_DEFAULT;
  if (!args.length || args[0].startsWith('-') || !p.host.resolveProgram(args[0], path)) args = ['curl', ...args];
  const found = p.host.resolveProgram(args[0], path)!;
  p.execve(args, found.path);
  return yield* found.program(p);
};
