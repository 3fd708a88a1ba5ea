/** Commands about the process and its environment: env, printenv, hostname, id, whoami, uname. */
import type { Program } from '../../runtime/process';
import { out, type Gen } from './util';

export const env: Program = function* (p): Gen<number> {
  out(p, [...p.env].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

export const printenv: Program = function* (p): Gen<number> {
  const names = p.argv.slice(1);
  if (!names.length) return yield* env(p);
  let status = 0;
  for (const n of names) {
    const v = p.env.get(n);
    if (v === undefined) status = 1;
    else out(p, v + '\n');
  }
  return status;
};

export const hostname: Program = function* (p): Gen<number> {
  out(p, p.host.hostname + '\n');
  return 0;
};

export const whoami: Program = function* (p): Gen<number> {
  out(p, p.user + '\n');
  return 0;
};

export const id: Program = function* (p): Gen<number> {
  out(p, p.user === 'root' ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n' : `uid=101(${p.user}) gid=101(${p.user}) groups=101(${p.user})\n`);
  return 0;
};

export const uname: Program = function* (p): Gen<number> {
  const a = p.argv.slice(1);
  if (a.includes('-a')) out(p, `Linux ${p.host.hostname} 6.8.0-1015-gcp #17-Ubuntu SMP Mon Sep  2 14:51:00 UTC 2024 x86_64 GNU/Linux\n`);
  else if (a.includes('-r')) out(p, '6.8.0-1015-gcp\n');
  else if (a.includes('-m')) out(p, 'x86_64\n');
  else if (a.includes('-n')) out(p, p.host.hostname + '\n');
  else out(p, 'Linux\n');
  return 0;
};
