/**
 * kubectl's flags for Tab completion, read from kubectl's own help texts (captured from v1.32 in
 * src/sim/kubectl/help): the "Options:" section of the command and, as kubectl's completion does,
 * the global options. Reading them from the help keeps completion and `--help` from drifting apart.
 */
import { hasHelp, helpText } from '../sim/kubectl/help/help';
import { OPTIONS_TEXT } from '../sim/kubectl/help/help-texts.generated';

/** `-A, --all-namespaces=false:` / `    --dry-run='none':` lines of a help text. */
const OPTION_LINE = /^\s+(?:(-[A-Za-z0-9]), )?(--[a-z0-9][a-z0-9-]*)=/gm;

const cache = new Map<string, string[]>();

function optionsIn(text: string | undefined): string[] {
  const out: string[] = [];
  for (const m of (text ?? '').matchAll(OPTION_LINE)) {
    if (m[1]) out.push(m[1]);
    out.push(m[2]);
  }
  return out;
}

/** The deepest command path the positional words name (`create secret generic`, `get`, `''`). */
function commandPath(positionals: string[]): string {
  let path = '';
  for (const w of positionals) {
    const next = path ? `${path} ${w}` : w;
    if (!hasHelp(next)) break;
    path = next;
  }
  return path;
}

/** Flags of the command the words name, then the global ones. */
export function flagsOf(positionals: string[]): string[] {
  const path = commandPath(positionals);
  let flags = cache.get(path);
  if (!flags) {
    flags = [...new Set([...(path ? optionsIn(helpText(path)) : []), ...optionsIn(OPTIONS_TEXT), '--help'])];
    cache.set(path, flags);
  }
  return flags;
}
