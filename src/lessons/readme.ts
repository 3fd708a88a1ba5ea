/**
 * Reading a lesson's README.md: the YAML front matter between `---` lines, the intro, and one
 * section per step (each `## ` heading starts a step). Headings inside fenced code blocks are
 * not headings. Lines are 1-based and refer to README.md, so errors can point at them.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { LessonProblem } from './types';

export interface ReadmeParts {
  /** The front matter as a YAML document with source ranges, or undefined when absent. */
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  /** README line on which the front matter's first YAML line sits. */
  frontLine: number;
  intro: string;
  sections: Array<{ title: string; body: string; line: number }>;
  problems: LessonProblem[];
}

export function splitReadme(text: string, file: string): ReadmeParts {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const problems: LessonProblem[] = [];
  const lineCounter = new LineCounter();
  let doc: Document.Parsed | undefined;
  let bodyStart = 0;
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end < 0) {
      problems.push({ file, line: 1, message: 'front matter starts with "---" but has no closing "---" line' });
    } else {
      doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter, prettyErrors: false });
      for (const e of doc.errors) {
        const pos = lineCounter.linePos(e.pos[0]);
        problems.push({ file, line: pos.line + 1, message: `front matter is not valid YAML: ${e.message.split('\n')[0]}` });
      }
      bodyStart = end + 1;
    }
  } else {
    problems.push({ file, line: 1, message: 'README.md must start with YAML front matter between "---" lines' });
  }

  const sections: ReadmeParts['sections'] = [];
  const intro: string[] = [];
  let fence: string | undefined;
  let current: { title: string; lines: string[]; line: number } | undefined;
  for (let i = bodyStart; i < lines.length; i++) {
    const l = lines[i];
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
    if (f) {
      if (!fence) fence = f[1];
      else if (l.trim().startsWith(fence[0].repeat(fence.length)) && l.trim().replace(/[`~]/g, '') === '') fence = undefined;
    }
    const h = !fence && /^## +(.+?)\s*#*\s*$/.exec(l);
    if (h) {
      if (current) sections.push({ title: current.title, body: current.lines.join('\n').trim(), line: current.line });
      current = { title: h[1], lines: [], line: i + 1 };
      continue;
    }
    (current ? current.lines : intro).push(l);
  }
  if (current) sections.push({ title: current.title, body: current.lines.join('\n').trim(), line: current.line });
  return { doc, lineCounter, frontLine: 2, intro: intro.join('\n').trim(), sections, problems };
}

/** The README line of the YAML node at a JSON-pointer-like path (`/steps/2/checks/0`), best effort. */
export function lineOfPath(parts: ReadmeParts, path: Array<string | number>): number | undefined {
  const doc = parts.doc;
  if (!doc) return undefined;
  // Walk up until a node exists (a missing property points at its parent object).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const range = node && typeof node === 'object' ? node.range : undefined;
    if (range) return parts.lineCounter.linePos(range[0]).line + parts.frontLine - 1;
  }
  return parts.frontLine;
}
