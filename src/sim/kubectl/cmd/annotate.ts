/**
 * `kubectl annotate` (annotate.go): the label machinery (cmd/label.ts) with annotate's own
 * rules — values may contain '=', keys are checked only by the API server, the
 * `kubernetes.io/change-cause` annotation may always be overwritten, overwrite conflicts are
 * reported in one message, and the result is always `annotated`.
 */
import type { CmdGen, KubectlCtx } from '../context';
import { runPairVerb, type PairVerb } from './label';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const ANNOTATE: PairVerb = {
  verb: 'annotate',
  noun: 'annotation',
  field: 'annotations',
  parse(pairs) {
    // cmdutil.ParsePairs(args, "annotation", true)
    const add = new Map<string, string>();
    const remove: string[] = [];
    const invalid: string[] = [];
    for (const p of pairs) {
      if (p.includes('=') && p[0] !== '=') add.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
      else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1));
      else invalid.push(p);
    }
    if (invalid.length) throw new Error(`invalid annotation format: ${invalid.join(', ')}`);
    const both = remove.filter((k) => add.has(k));
    if (both.length) throw new Error(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
    return { add, remove };
  },
  overwriteErrors(current, add) {
    const found = [...add.keys()].filter((k) => k !== CHANGE_CAUSE && k in current).map((k) => `'${k}' already has a value (${current[k]})`);
    return found.length ? [`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`] : [];
  },
  operation: () => 'annotated',
  printsServerObject: true,
};

export function* annotate(args: string[], ctx: KubectlCtx): CmdGen {
  return runPairVerb(ANNOTATE, args, ctx);
}
