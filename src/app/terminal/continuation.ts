/**
 * Whether what the learner typed so far is a whole command, or bash would show its `> ` prompt and
 * read more: an open here-document (`cat <<EOF` until the `EOF` line), an unclosed quote, a trailing
 * backslash, a line ending in `|`, `&&` or `||`, or a compound command not closed yet (`for …; do`
 * without `done`, `if` without `fi`, `{` without `}`, an open `(`). A light scanner, not the engine's
 * parser: it runs on every Enter in the page and must not pull the engine into the page's bundle.
 */
export function needsMoreInput(text: string): boolean {
  const lines = text.split('\n');
  const heredocs: { word: string; strip: boolean }[] = [];
  let quote: "'" | '"' | '' = '';
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    // Lines after a line that opened here-documents are their bodies, up to each delimiter.
    if (heredocs.length && !quote) {
      const d = heredocs[0];
      if ((d.strip ? line.replace(/^\t+/, '') : line) === d.word) heredocs.shift();
      continue;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote === "'") {
        if (c === "'") quote = '';
      } else if (c === '\\') {
        i++;
      } else if (quote === '"') {
        if (c === '"') quote = '';
      } else if (c === "'" || c === '"') {
        quote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) {
        break;
      } else if (line.startsWith('<<<', i)) {
        i += 2; // a here-string, not a here-document
      } else if (c === '<' && line[i + 1] === '<') {
        const m = line.slice(i + 2).match(/^(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([^\s;&|<>()]+))/);
        if (m) {
          heredocs.push({ word: m[2] ?? m[3] ?? m[4], strip: m[1] === '-' });
          i += 1 + m[0].length;
        }
      }
    }
  }
  if (quote || heredocs.length) return true;
  if (openCompound(text)) return true;
  const last = lines[lines.length - 1];
  if (/(^|[^\\])(\\\\)*\\$/.test(last)) return true;
  return /(\|\||&&|\|)\s*$/.test(last) && lines.length >= 1 && last.trim() !== '';
}

const CLOSERS: Record<string, string> = { if: 'fi', case: 'esac', for: 'done', while: 'done', until: 'done', select: 'done', '{': '}' };
/** Words after which the next word is in command position again. */
const LEADS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', 'time']);

/** Reserved words opened and not closed yet (quotes and here-document bodies are complete here). */
function openCompound(text: string): boolean {
  const stack: string[] = [];
  let atCommand = true;
  let heredocWords: string[] = [];
  for (const line of text.split('\n')) {
    if (heredocWords.length) {
      if (line.replace(/^\t+/, '') === heredocWords[0]) heredocWords.shift();
      continue;
    }
    const tokens = line.match(/'[^']*'|"(?:\\.|[^"\\])*"|\\.|\$\(|;;|&&|\|\||<<-?\s*\S+|[;&|()]|#.*$|[^\s;&|()'"\\]+/g) ?? [];
    for (const tok of tokens) {
      if (tok.startsWith('#')) break;
      const here = tok.match(/^<<-?\s*['"]?([^'"\s]+)/);
      if (here) {
        heredocWords.push(here[1]);
        atCommand = false;
        continue;
      }
      if (tok === '(' || tok === '$(') {
        stack.push(')');
        atCommand = true;
      } else if (tok === ')') {
        // In a case clause `pattern)` closes nothing; the commands follow.
        if (stack[stack.length - 1] === ')') stack.pop();
        atCommand = true;
      } else if (tok === ';' || tok === '&' || tok === '|' || tok === '&&' || tok === '||' || tok === ';;') {
        atCommand = true;
      } else if (atCommand && CLOSERS[tok]) {
        stack.push(CLOSERS[tok]);
        atCommand = LEADS.has(tok);
      } else if (atCommand && tok === stack[stack.length - 1]) {
        stack.pop();
        atCommand = false;
      } else {
        atCommand = LEADS.has(tok) && atCommand;
      }
    }
    atCommand = true;
  }
  return stack.length > 0;
}
