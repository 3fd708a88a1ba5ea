/**
 * A learner's (or the lesson checker's) view of one lesson's checks over time. Wraps
 * evaluateCheck with what a single evaluation cannot know:
 *   - ordering: a check with `before: X` counts once it has passed while X had not yet;
 *   - restraint: checks that act on the cluster (exec, http) run only when the step's read-only
 *     checks all pass, and again only after the cluster changed or a few virtual seconds went by,
 *     so the learner's logs are not flooded with the grader's requests.
 */
import type { Cluster } from '../../sim/cluster';
import type { CheckSpec, Observation } from '../types';
import { evaluateCheck, isEffectful, type CheckResult } from './evaluate';
import { observe } from './observe';

/** Virtual ms after which an effectful check may run again although nothing else changed. */
const EFFECTFUL_REFRESH_MS = 5000;

export interface ChecksRequest {
  /** Names the group of checks (e.g. `slug/step-id`) so ordering state is kept per step. */
  key: string;
  checks: CheckSpec[];
  observe?: Observation[];
}

export interface ChecksAnswer {
  results: CheckResult[];
  observed: string[];
  /** Virtual now when evaluated. */
  now: number;
}

export class CheckSession {
  /** key → check index → ordering satisfied. */
  private ordered = new Map<string, Set<number>>();
  /** key → check index → first virtual time the check passed. */
  private firstPass = new Map<string, Map<number, number>>();
  private effectCache = new Map<string, { revision: string; at: number; result: CheckResult }>();

  constructor(
    private readonly cluster: Cluster,
    private readonly history: () => readonly string[],
  ) {}

  private revision(): string {
    return `${this.cluster.store.currentResourceVersion()}:${this.history().length}`;
  }

  evaluate(req: ChecksRequest): ChecksAnswer {
    const ctx = { history: this.history() };
    const { checks, key } = req;
    const raw: Array<CheckResult | undefined> = checks.map((c) => (isEffectful(c) ? undefined : evaluateCheck(this.cluster, c, ctx)));
    const readOnlyPass = raw.every((r) => r === undefined || r.passed);
    const rev = this.revision();
    checks.forEach((c, i) => {
      if (!isEffectful(c)) return;
      if (!readOnlyPass) {
        raw[i] = { passed: false, detail: 'checked once the other checks of this step pass' };
        return;
      }
      const ck = `${key}#${i}`;
      const cached = this.effectCache.get(ck);
      if (cached && cached.revision === rev && this.cluster.now() - cached.at < EFFECTFUL_REFRESH_MS) {
        raw[i] = cached.result;
        return;
      }
      const result = evaluateCheck(this.cluster, c, ctx);
      // The check itself may have changed the cluster (an exec's process): cache under the new revision.
      this.effectCache.set(ck, { revision: this.revision(), at: this.cluster.now(), result });
      raw[i] = result;
    });
    const results = this.order(key, checks, raw as CheckResult[]);
    return { results, observed: (req.observe ?? []).map((o) => observe(this.cluster, o)), now: this.cluster.now() };
  }

  /** Apply `before` rules; record first-pass times. */
  private order(key: string, checks: CheckSpec[], raw: CheckResult[]): CheckResult[] {
    const first = this.firstPass.get(key) ?? new Map<number, number>();
    this.firstPass.set(key, first);
    const ok = this.ordered.get(key) ?? new Set<number>();
    this.ordered.set(key, ok);
    const now = this.cluster.now();
    const indexOf = new Map(checks.map((c, i) => [c.id, i] as const));
    // Whether X had passed before this evaluation (so "A and X pass together now" still counts for A).
    const hadPassed = new Set(first.keys());
    raw.forEach((r, i) => {
      if (r.passed && !first.has(i)) first.set(i, now);
    });
    return raw.map((r, i) => {
      const c = checks[i];
      if (c.before === undefined) return r;
      const other = indexOf.get(c.before);
      if (other === undefined) return { passed: false, detail: `unknown check id ${c.before}` };
      if (r.passed && !hadPassed.has(other)) ok.add(i);
      if (!r.passed) return r;
      return ok.has(i) ? r : { passed: false, detail: 'it happened, but too late: it had to come first' };
    });
  }

  /** Forget ordering and cached results (the learner restarted the lesson). */
  reset(): void {
    this.ordered.clear();
    this.firstPass.clear();
    this.effectCache.clear();
  }
}
