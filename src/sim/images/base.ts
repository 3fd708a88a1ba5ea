/**
 * What a Debian-family root filesystem ships (coreutils, procps, findutils, grep, sed, ...),
 * mapped onto the simulator's programs. Bookworm and Noble are usr-merged: /bin, /sbin are the
 * same directories as /usr/bin, /usr/sbin, so every tool is reachable under both.
 */
const TOOLS = [
  'cat', 'date', 'echo', 'env', 'false', 'hostname', 'id', 'ls', 'mkdir', 'printenv', 'printf', 'rm', 'sleep', 'test', '[', 'touch', 'true', 'uname', 'whoami',
  'head', 'tail', 'wc', 'grep', 'egrep', 'fgrep', 'cut', 'tr', 'sort', 'uniq', 'tee', 'seq', 'yes', 'basename', 'dirname', 'which',
  'ps', 'pidof', 'kill', 'mount', 'df', 'du', 'cp', 'mv', 'ln', 'stat', 'find', 'xargs', 'expr', 'sed', 'tar',
];

/** Program table for a Debian-family image: `sh` is dash (here: our POSIX sh), `bash` is bash. */
export function debianPrograms(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of TOOLS) {
    out[`/usr/bin/${t}`] = t;
    out[`/bin/${t}`] = t;
  }
  // Debian's ps is procps-ng's, not busybox's.
  out['/usr/bin/ps'] = 'ps-procps';
  out['/bin/ps'] = 'ps-procps';
  Object.assign(out, { '/bin/sh': 'sh', '/usr/bin/sh': 'sh', '/bin/dash': 'sh', '/bin/bash': 'bash', '/usr/bin/bash': 'bash' }, extra);
  return out;
}

/**
 * Debian's /etc/bash.bashrc (bash's system-wide rc file for interactive shells), which is where
 * the `root@POD:/# ` prompt of `kubectl exec -it POD -- bash` comes from.
 */
export const DEBIAN_BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# To enable the settings / commands in this file for login shells as well,
# this file has to be sourced in /etc/profile.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# set variable identifying the chroot you work in (used in the prompt below)
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
# but only if not SUDOing and have SUDO_PS1 set; then assume smart user.
if ! [ -n "\${SUDO_USER}" -a -n "\${SUDO_PS1}" ]; then
  PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
fi
`;

export const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function debianFiles(osRelease: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    '/etc/os-release': osRelease,
    '/etc/bash.bashrc': DEBIAN_BASH_BASHRC,
    '/etc/passwd':
      'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwww-data:x:33:\nnogroup:x:65534:\n',
    '/root/': '',
    '/tmp/': '',
    '/var/': '',
    '/home/': '',
    '/usr/local/bin/': '',
    '/dev/': '',
    '/proc/': '',
    '/sys/': '',
    ...extra,
  };
}

export const UBUNTU_NOBLE_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

export const DEBIAN_BOOKWORM_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
