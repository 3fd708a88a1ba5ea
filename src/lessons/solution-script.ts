/**
 * solution.sh, split into one section per step (`# step: ID` lines). Pure: the player shows a
 * terminal step's solution commands from it, and `podlab lessons check` runs it.
 */

export interface Section {
  stepId: string;
  /** Script text of the section; `# predict: ID` lines stay in as markers. */
  lines: string[];
}

export function splitSolution(script: string): { sections: Section[]; problems: string[] } {
  const sections: Section[] = [];
  const problems: string[] = [];
  let cur: Section | undefined;
  script.split('\n').forEach((l, i) => {
    const m = /^#\s*step:\s*(\S+)\s*$/.exec(l);
    if (m) {
      cur = { stepId: m[1], lines: [] };
      sections.push(cur);
      return;
    }
    if (!cur) {
      if (l.trim() && !l.trim().startsWith('#')) problems.push(`solution.sh:${i + 1}: commands before the first "# step: ID" line`);
      return;
    }
    cur.lines.push(l);
  });
  return { sections, problems };
}

/** The commands of one step's section, as a learner would type them (comments and markers dropped). */
export function stepCommands(script: string | undefined, stepId: string): string | undefined {
  if (script === undefined) return undefined;
  const sec = splitSolution(script).sections.find((s) => s.stepId === stepId);
  if (!sec) return undefined;
  // The lesson folder is the checker's home directory; in the browser those files are the editor's.
  const lines = sec.lines.filter((l) => !/^\s*#/.test(l)).map((l) => l.replace(/^kubectl apply -f ((?:start|solution)\/\S+)$/, '# Apply $1 from the editor'));
  const text = lines.join('\n').trim();
  return text || undefined;
}
