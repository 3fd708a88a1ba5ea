/**
 * The workstation is Ubuntu 24.04 (GNU coreutils 9.4, GNU sed 4.9, findutils 4.9, mawk 1.3.4 as
 * awk, LANG=C.UTF-8), but its text tools are the busybox programs the containers run. Their
 * results agree; their error messages do not. This layer rewrites a program's stderr, line by
 * line as it is written, into what the GNU tool prints for the same mistake:
 *
 *   busybox  cut: can't open 'nope': No such file or directory
 *   GNU      cut: nope: No such file or directory
 *
 * and replaces busybox's usage banner with GNU's `Try 'cut --help' for more information.` (sed
 * prints its whole usage, as GNU sed does). In a UTF-8 locale GNU's quote() gives ‘curly’ quotes;
 * file names in coreutils messages use shell quoting ('x') or none.
 *
 * Not rewritten (busybox's wording stays): awk's parse errors (`awk: cmd. line:1: …`, mawk says
 * `awk: line 1: syntax error at or near …`), sed's messages other than the common ones below.
 */
import type { Writable } from '../runtime/pipe';

type Rule = [RegExp, (m: RegExpMatchArray, argv: string[]) => string];

const tryHelp = (name: string) => `Try '${name} --help' for more information.`;
const missing = (name: string) => `${name}: missing operand\n${tryHelp(name)}`;

/** The sed scripts given: every -e expression, or the first operand. */
function sedScripts(argv: string[]): string[] {
  const rest = argv.slice(1);
  const es: string[] = [];
  rest.forEach((a, i) => {
    if (a === '-e' || a === '--expression') es.push(rest[i + 1] ?? '');
    else if (/^-[nrEsz]*e./.test(a)) es.push(a.slice(a.indexOf('e') + 1));
    else if (a.startsWith('--expression=')) es.push(a.slice(13));
  });
  return es.length ? es : [rest.find((a) => !a.startsWith('-')) ?? ''];
}

/** GNU's `-e expression #N, char M` for the expression where `found` says the error is. */
function sedWhere(argv: string[], found: (script: string) => number | undefined): string {
  const scripts = sedScripts(argv);
  for (let i = 0; i < scripts.length; i++) {
    const at = found(scripts[i]);
    if (at !== undefined) return `-e expression #${i + 1}, char ${at}`;
  }
  return `-e expression #1, char ${[...scripts[0]].length}`;
}

/** An s command whose delimiter does not appear three times: GNU reports the script's end. */
function unterminatedS(script: string): number | undefined {
  const starts = /(?:^|[;{}\n])\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)?\s*!?\s*s(.)/g;
  for (const m of script.matchAll(starts)) {
    const d = m[1];
    let seen = 1;
    for (let i = m.index! + m[0].length; i < script.length && seen < 3; i++) {
      if (script[i] === '\\') i++;
      else if (script[i] === d) seen++;
    }
    if (seen < 3) return [...script].length;
  }
  return undefined;
}

const SED_USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.`;

const RULES: Record<string, Rule[]> = {
  sed: [
    [/^sed: unmatched '(.)'$/, (_m, argv) => `sed: ${sedWhere(argv, unterminatedS)}: unterminated \`s' command`],
    [/^sed: unsupported command (.+)$/, (m, argv) => `sed: ${sedWhere(argv, (s) => (s.includes(m[1]) ? s.indexOf(m[1]) + 1 : undefined))}: unknown command: \`${m[1]}'`],
    [/^sed: missing command$/, (_m, argv) => `sed: ${sedWhere(argv, () => undefined)}: missing command`],
    [/^sed: can't open '(.*)': (.*)$/, (m) => `sed: can't read ${m[1]}: ${m[2]}`],
  ],
  awk: [[/^awk: can't open '(.*)': (.*)$/, (m) => `awk: cannot open ${m[1]} (${m[2]})`]],
  cut: [
    [/^cut: expected a list of bytes, characters, or fields$/, () => `cut: you must specify a list of bytes, characters, or fields\n${tryHelp('cut')}`],
    [/^cut: the delimiter must be a single character$/, () => `cut: the delimiter must be a single character\n${tryHelp('cut')}`],
    [/^cut: invalid byte, character or field list$/, (_m, argv) => cutListError(argv)],
  ],
  head: [[/^head: can't open '(.*)': (.*)$/, (m) => `head: cannot open '${m[1]}' for reading: ${m[2]}`]],
  tail: [[/^tail: can't open '(.*)': (.*)$/, (m) => `tail: cannot open '${m[1]}' for reading: ${m[2]}`]],
  tr: [],
  uniq: [],
  find: [
    [/^find: (.*): No such file or directory$/, (m) => `find: ‘${m[1]}’: No such file or directory`],
    [/^find: unrecognized: (.*)$/, (m) => `find: unknown predicate \`${m[1]}'`],
  ],
};

function cutListError(argv: string[]): string {
  const list = argv.slice(1).map((a, i, all) => (/^-[bcf]$/.test(a) ? all[i + 1] : /^-[bcf]./.test(a) ? a.slice(2) : undefined)).find((v) => v !== undefined) ?? '';
  const bad = list.split(',').find((r) => !/^(\d+(-\d*)?|-\d+)$/.test(r) || /(^|-)0+(\D|$)/.test(r)) ?? list;
  const fields = argv.some((a) => a.startsWith('-f'));
  if (/^[\d-]+$/.test(bad)) return `cut: ${fields ? 'fields are' : 'byte/character positions are'} numbered from 1\n${tryHelp('cut')}`;
  return `cut: invalid field value ‘${bad.replace(/^[\d-]*?(?=\D)/, '')}’\n${tryHelp('cut')}`;
}

/** What GNU prints instead of busybox's usage banner, given the line before it (a getopt error?). */
function usageError(name: string, argv: string[], after: string | undefined): string {
  if (name === 'sed') return SED_USAGE;
  // find's own message (`unknown predicate`) is all GNU find prints.
  if (name === 'find') return '';
  if (after) return tryHelp(name);
  const operands = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (name === 'seq' && operands.length) {
    const bad = operands.find((a) => Number.isNaN(Number(a))) ?? operands[0];
    return `seq: invalid floating point argument: ‘${bad}’\n${tryHelp('seq')}`;
  }
  if (name === 'tr' && operands.length === 1) return `tr: missing operand after ‘${operands[0]}’\nTwo strings must be given when translating.\n${tryHelp('tr')}`;
  if (name === 'awk') return 'usage: awk [-F value] [-v var=value] [--] \'program text\' [file ...]\nusage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]';
  return missing(name);
}

/** A stderr for program `name` that writes GNU's wording to `target`. */
export function gnuStderr(name: string, argv: string[], target: (text: string) => void): Writable {
  const rules = [...(RULES[name] ?? []), [new RegExp(`^${name}: can't open '(.*)': (.*)$`), (m: RegExpMatchArray) => `${name}: ${m[1]}: ${m[2]}`] as Rule];
  let buf = '';
  let inBanner = false;
  let lastLine: string | undefined;
  const emitLine = (line: string) => {
    if (line.startsWith('BusyBox v')) {
      inBanner = true;
      return;
    }
    if (inBanner) return;
    for (const [re, fn] of rules) {
      const m = line.match(re);
      if (m) {
        target(fn(m, argv) + '\n');
        lastLine = line;
        return;
      }
    }
    lastLine = /invalid option|unrecognized option|requires an argument/.test(line) ? line : undefined;
    target(line + '\n');
  };
  return {
    write(text: string) {
      buf += text;
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        emitLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    },
    close() {
      if (buf) emitLine(buf);
      buf = '';
      const usage = inBanner ? usageError(name, argv, lastLine) : '';
      if (usage) target(usage + '\n');
      inBanner = false;
    },
  };
}
