/**
 * The workstation's root filesystem: an Ubuntu 24.04 machine as a CKA candidate gets it — a home
 * directory with kubeadm's admin.conf copied to ~/.kube/config, a world-writable /tmp, and one
 * executable in /usr/bin for every command the workstation can run (so `which`, `type`, `find`
 * and `ls /usr/bin` answer as they would there). /bin, /sbin and /lib are merged-/usr symlinks.
 */
import { FsTree, newDir } from '../runtime/fs';
import { defaultKubeconfig, kubeconfigYaml } from '../kubectl/kubeconfig';
import { UBUNTU_NOBLE_OS_RELEASE } from '../images/base';

export const HOME = '/home/student';

/**
 * Programs installed in /usr/bin. Builtins of bash that also exist as files (echo, printf, kill,
 * test, true, false, pwd) are here too, as on Ubuntu; cd, export, alias, history … are not.
 */
export const USR_BIN = [
  'kubectl', 'curl', 'sleep', 'timeout', 'echo', 'cat', 'ls', 'pwd', 'printf', 'grep', 'egrep', 'fgrep',
  'head', 'tail', 'mkdir', 'rm', 'true', 'false', 'clear', 'cp', 'mv', 'touch', 'tee', 'wc', 'sort', 'base64',
  'vi', 'vim', 'vim.tiny', 'view', 'nano', 'editor', 'watch', 'sed', 'awk', 'mawk', 'cut', 'tr', 'uniq', 'xargs',
  'column', 'diff', 'seq', 'yes', 'basename', 'dirname', 'env', 'printenv', 'date', 'which', 'find', 'nl',
  'less', 'more', 'hostname', 'id', 'whoami', 'uname', 'expr', 'kill', 'test', '[', 'bash', 'sh', 'dash', 'apt',
];

/** The admin kubeconfig kubeadm wrote and the candidate copied to ~/.kube/config. */
export function seedKubeconfig(): string {
  return kubeconfigYaml(defaultKubeconfig(), false);
}

export function workstationRootTree(mtime: number): FsTree {
  const t = new FsTree(newDir(mtime));
  for (const d of ['etc', 'usr/bin', 'usr/local/bin', 'usr/sbin', 'usr/lib', 'var/tmp', 'dev', 'proc', 'root', 'home']) t.mkdirp(d, mtime);
  t.mkdirp('tmp', mtime).mode = 0o1777;
  const link = (name: string, target: string) => t.root.children.set(name, { type: 'symlink', target, mode: 0o777, mtime });
  link('bin', 'usr/bin');
  link('sbin', 'usr/sbin');
  link('lib', 'usr/lib');
  const bin = t.lookup('usr/bin') as ReturnType<typeof newDir>;
  for (const name of USR_BIN) bin.children.set(name, { type: 'file', data: '', mode: 0o755, mtime });
  t.writeFile('etc/hostname', 'workstation\n', mtime);
  t.writeFile('etc/os-release', UBUNTU_NOBLE_OS_RELEASE, mtime);
  t.writeFile('dev/null', '', mtime);
  const home = t.mkdirp(HOME, mtime);
  home.mode = 0o750;
  t.writeFile(`${HOME}/.kube/config`, seedKubeconfig(), mtime, true);
  (t.lookup(`${HOME}/.kube/config`) as { mode: number }).mode = 0o600;
  return t;
}
