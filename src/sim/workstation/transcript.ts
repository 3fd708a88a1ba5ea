/**
 * Transcripts: a terminal session as text — `$ command`, `> ` continuation lines of here-docs,
 * then the output. A transcript file is both the script and its expected output: the commands are
 * read back out of it, replayed through podlab sh, and the result must equal the file byte for byte.
 * An optional first line `# podlab: --seed N --start ISO` sets the run's options.
 */
import { awaitsMore, splitScript } from './script';

export interface TranscriptOptions {
  seed?: number;
  start?: string;
}

export function scriptFromTranscript(text: string): { script: string; options: TranscriptOptions } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const options: TranscriptOptions = {};
  const m = lines[0]?.match(/^# podlab:(.*)$/);
  if (m) {
    const seed = m[1].match(/--seed[= ](\d+)/);
    const start = m[1].match(/--start[= ](\S+)/);
    if (seed) options.seed = Number(seed[1]);
    if (start) options.start = start[1];
  }
  const out: string[] = [];
  const isNote = (l: string) => l === '' || l.startsWith('#');
  // Inside an interactive session (`kubectl exec -it …`), the lines typed follow the container
  // shell's prompt (or its `> ` continuation prompt) until the next workstation `$ ` command.
  let session = false;
  for (let i = m ? 1 : 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith('$ ')) {
      const group = [l.slice(2)];
      // take `> ` lines while the command is incomplete (here-document or backslash continuation)
      while (i + 1 < lines.length && lines[i + 1].startsWith('> ') && incomplete(group)) group.push(lines[++i].slice(2));
      out.push(...group);
      session = opensSession(group[0]);
      continue;
    }
    if (session) {
      const typed = l.match(SESSION_PROMPT) ?? l.match(/^> /);
      if (typed) out.push(l.slice(typed[0].length));
      continue;
    }
    // Script comments and blank lines: a run of them that starts at the top or after a blank
    // line and leads to the next command. Anything else is output.
    // A run that starts with a blank line is a separator the script had (output lines that are
    // blank and directly followed by a command are rare enough to accept).
    if (isNote(l) && (i === (m ? 1 : 0) || lines[i - 1] === '' || l === '')) {
      let j = i;
      while (j < lines.length && isNote(lines[j])) j++;
      if (j < lines.length && lines[j].startsWith('$ ')) {
        out.push(...lines.slice(i, j));
        i = j - 1;
      }
    }
  }
  if (m) out.unshift(lines[0]);
  return { script: out.join('\n') + '\n', options };
}

/**
 * Prompts of the container shells Pod Lab reproduces: bash's `user@host:dir# `, busybox ash's
 * `dir # ` and dash's bare `# ` (a dash session's output lines starting with `# ` would be
 * mistaken for input: keep those out of transcripts).
 */
const SESSION_PROMPT = /^(?:[\w.-]+@[\w.-]+:[~/]\S*[#$] |[~/]\S* [#$] |[#$] )/;

/** `kubectl exec|attach|run` with -i/--stdin: the lines after it are typed into the session. */
export function opensSession(command: string): boolean {
  const m = command.match(/^\s*(?:kubectl|k)\s+(exec|attach|run)\s(.*)$/);
  if (!m) return false;
  const flags = m[2].split(/\s--(?:\s|$)/)[0];
  return /(^|\s)(-[a-zA-Z]*i[a-zA-Z]*|--stdin(=true)?)(?=\s|$)/.test(flags);
}

function incomplete(group: string[]): boolean {
  const units = splitScript(group.join('\n') + '\n');
  const u = units[units.length - 1];
  if (!u || u.kind !== 'command') return false;
  const text = group.join('\n');
  if (/\\$/.test(text)) return true;
  const delims = [...text.matchAll(/<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g)].map((x) => x[3]);
  return delims.some((d) => !group.slice(1).some((g) => g.replace(/^\t+/, '') === d)) || awaitsMore(text);
}
