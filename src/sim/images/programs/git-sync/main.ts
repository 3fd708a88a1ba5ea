/**
 * git-sync v4 (/git-sync): clones --repo into --root, checks the commit out as a worktree under
 * --root/.worktrees/<hash>, and points the --link symlink at it (replaced in one step, so a
 * reader like nginx never sees a half-written tree); repeats every --period unless --one-time.
 * Logs are v4's JSON lines; only level-0 messages show at the default verbosity. A repository
 * Pod Lab does not know fails like an unreachable remote: with --max-failures 0 (the default)
 * git-sync exits 1.
 */
import type { Process, Program } from '../../../runtime/process';
import type { FsNode } from '../../../runtime/fs';
import { normalize } from '../../../runtime/fs';
import { strftime } from '../../../shell/commands/time';
import { putNode } from '../../../shell/commands/fileops';
import { lookupRemote } from './remotes';

export const GIT_SYNC_VERSION = 'v4.4.0';

/** Go durations as git-sync's flags accept them: 10s, 1m30s, 500ms. */
function duration(v: string): number | undefined {
  const parts = [...v.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (!parts.length || parts.map((m) => m[0]).join('') !== v) return undefined;
  return parts.reduce((t, m) => t + Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms']!, 0);
}

function goDuration(ms: number): string {
  const m = Math.floor(ms / 60_000);
  const s = (ms % 60_000) / 1000;
  return m ? `${m}m${s}s` : `${s}s`;
}

export const gitSync: Program = function* (p) {
  const opt: Record<string, string> = { root: '/git', period: '10s', ref: 'HEAD', 'one-time': 'false', 'max-failures': '0', link: '', repo: '', verbose: '0' };
  for (const [k, v] of Object.entries(opt)) opt[k] = p.env.get(`GITSYNC_${k.toUpperCase().replace(/-/g, '_')}`) ?? v;
  const args = p.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const m = args[i].match(/^--?([a-z-]+)(?:=(.*))?$/);
    if (!m) continue;
    if (m[1] === 'version') {
      p.fds.stdout.write(`${GIT_SYNC_VERSION}\n`);
      return 0;
    }
    const bool = m[1] === 'one-time';
    opt[m[1] === 'v' ? 'verbose' : m[1]] = m[2] ?? (bool ? 'true' : args[++i] ?? '');
  }
  const line = (level: number | undefined, caller: number, msg: string, kv: Record<string, unknown> = {}) => {
    const ts = strftime('%Y-%m-%d %H:%M:%S', p.host.now()) + '.' + String((p.host.now() % 1000) * 1000).padStart(6, '0');
    const lvl = level === undefined ? {} : { level };
    p.fds.stderr.write(JSON.stringify({ logger: '', ts, caller: { file: 'main.go', line: caller }, ...lvl, msg, ...kv }) + '\n');
  };
  const usage = (msg: string) => {
    p.fds.stderr.write(`ERROR: ${msg}\n`);
    return 1;
  };
  if (!opt.repo) return usage('--repo must be specified');
  const period = duration(opt.period);
  if (period === undefined) return usage(`invalid value "${opt.period}" for flag --period`);
  const root = normalize(opt.root, '/');
  // v4's default link name is the repository's last path element.
  const link = normalize(opt.link || opt.repo.replace(/\.git$/, '').replace(/\/$/, '').split('/').pop()!, root);
  const oneTime = opt['one-time'] === 'true';
  p.fds.stderr.write('INFO: detected pid 1, running init handler\n');
  const flags = ['--link=' + opt.link, '--max-failures=' + opt['max-failures'], `--one-time=${oneTime}`, `--period=${goDuration(period)}`, `--ref=${opt.ref}`, `--repo=${opt.repo}`, `--root=${root}`, `--verbose=${opt.verbose}`];
  line(0, 560, 'starting up', { version: GIT_SYNC_VERSION, pid: p.pid + 10, uid: 65533, gid: 65533, home: '/tmp', flags });
  let syncCount = 0;
  let current = '';
  for (let failCount = 0; ; ) {
    const commit = lookupRemote(opt.repo, p.host.now());
    if (!commit || opt.ref !== 'HEAD' && !['main', 'master'].includes(opt.ref)) {
      const what = commit ? `couldn't find remote ref ${opt.ref}` : `Run(git ls-remote -q ${opt.repo} ${opt.ref}): exit status 128: { stdout: "", stderr: "fatal: could not read Username for 'https://github.com': terminal prompts disabled" }`;
      if (failCount >= Number(opt['max-failures'])) {
        line(undefined, 870, 'too many failures, aborting', { error: what, failCount });
        return 1;
      }
      failCount++;
      line(undefined, 880, 'error syncing repo, will retry', { error: what, failCount });
    } else if (commit.hash !== current) {
      try {
        if (!current) {
          line(0, 1101, 'repo directory was empty or failed checks', { path: root });
          line(0, 1111, 'initializing repo directory', { path: root });
          p.host.fs.mkdir(`${root}/.git`, true);
          p.host.fs.writeFile(`${root}/.git/HEAD`, 'ref: refs/heads/git-sync\n');
        }
        const wt = `${root}/.worktrees/${commit.hash}`;
        p.host.fs.mkdir(wt, true);
        for (const [f, data] of Object.entries(commit.files)) p.host.fs.writeFile(`${wt}/${f}`, data);
        p.host.fs.writeFile(`${wt}/.git`, `gitdir: ${root}/.git/worktrees/${commit.hash}\n`);
        // rename(2) of a fresh link over the old one: the swap is atomic for readers.
        const node: FsNode = { type: 'symlink', target: `.worktrees/${commit.hash}`, mode: 0o777, mtime: p.host.now() };
        putNode(p, link, node);
        if (current) p.host.fs.unlink(`${root}/.worktrees/${current}`, true);
      } catch (e) {
        line(undefined, 870, 'too many failures, aborting', { error: String(e), failCount });
        return 1;
      }
      current = commit.hash;
      syncCount++;
      failCount = 0;
      line(0, 1700, 'updated successfully', { ref: opt.ref, remote: commit.hash, syncCount });
    }
    if (oneTime) return 0;
    yield { op: 'sleep', ms: period };
  }
};
