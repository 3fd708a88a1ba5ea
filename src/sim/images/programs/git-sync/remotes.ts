/**
 * The remote repositories git-sync can reach in Pod Lab (there is no internet): a demo site
 * someone pushes to every two minutes of virtual time — so periodic syncs see new commits — and
 * a static one. Commit hashes are stable functions of the repository and commit number.
 */
import { pseudoDigest } from '../../digest';

export interface Commit {
  hash: string;
  files: Record<string, string>;
}

const PUSH_EVERY_MS = 120_000;

const REMOTES: Record<string, (now: number) => Commit> = {
  'https://github.com/pod-lab/demo-site': (now) => {
    const n = Math.floor(now / PUSH_EVERY_MS) % 100_000;
    return {
      hash: pseudoDigest(`demo-site#${n}`).slice(0, 40),
      files: {
        'index.html': `<html><body><h1>Pod Lab demo site</h1><p>build ${n}</p></body></html>\n`,
        'README.md': '# demo-site\n\nA site that changes every two minutes, for git-sync lessons.\n',
      },
    };
  },
  'https://github.com/pod-lab/static-site': () => ({
    hash: pseudoDigest('static-site#1').slice(0, 40),
    files: { 'index.html': '<html><body><h1>Hello from git-sync</h1></body></html>\n', 'README.md': '# static-site\n' },
  }),
};

export function lookupRemote(url: string, now: number): Commit | undefined {
  const key = url.replace(/\.git$/, '').replace(/\/$/, '');
  return REMOTES[key]?.(now);
}
