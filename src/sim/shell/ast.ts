/** The syntax tree of POSIX shell programs (the subset busybox ash accepts that containers use). */
export type WordPart =
  | { t: 'lit'; v: string; quoted: boolean }
  | { t: 'param'; name: string; op?: string; arg?: Word; /** bash's ${x/pat/REPLACEMENT} */ arg2?: Word; quoted: boolean }
  | { t: 'cmdsub'; body: List; quoted: boolean }
  | { t: 'arith'; expr: Word; quoted: boolean };

export interface Word {
  parts: WordPart[];
  /** Source text, for error messages and `set -x`. */
  raw: string;
}

export interface Redir {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '<<-' | '>|' | '<>' | '<<<';
  target: Word;
  /** bash's `&>`/`&>>`: standard error goes where standard output does. */
  alsoStderr?: boolean;
  /** Here-document body (already with its expansion rules applied at run time). */
  heredoc?: Word;
}

export type Command =
  | { t: 'simple'; assigns: Array<{ name: string; value: Word }>; words: Word[]; redirs: Redir[]; line: number }
  | { t: 'pipeline'; cmds: Command[]; bang: boolean }
  | { t: 'andor'; first: Command; rest: Array<{ op: '&&' | '||'; cmd: Command }> }
  | { t: 'subshell'; body: List; redirs: Redir[] }
  | { t: 'group'; body: List; redirs: Redir[] }
  | { t: 'if'; clauses: Array<{ cond: List; body: List }>; else?: List; redirs: Redir[] }
  | { t: 'while'; until: boolean; cond: List; body: List; redirs: Redir[] }
  | { t: 'for'; name: string; items?: Word[]; body: List; redirs: Redir[] }
  | { t: 'case'; word: Word; items: Array<{ patterns: Word[]; body: List }>; redirs: Redir[] }
  | { t: 'func'; name: string; body: Command }
  /** bash's `[[ … ]]` (parsed only with the bash option). */
  | { t: 'cond'; items: Array<{ op: string } | { word: Word }>; redirs: Redir[]; line: number }
  /** bash's `(( expression ))`. */
  | { t: 'arith'; expr: Word; redirs: Redir[] };

export interface List {
  items: Array<{ cmd: Command; async: boolean }>;
}
