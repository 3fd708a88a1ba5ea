/**
 * A lesson as data: what lessons/NN-slug/README.md's front matter (and an optional checks.yaml)
 * declare, after the loader has read and validated them. Plain data only: lessons travel to the
 * engine (Web Worker) as structured clones.
 */

/** How a check compares text it observed. Exactly one of these is given. */
export interface TextMatch {
  contains?: string;
  /** A JavaScript regular expression, without slashes (`^Consumed: done$`). Multiline mode. */
  matches?: string;
  /** The whole text, after trailing newlines are dropped. */
  equals?: string;
}

interface CheckBase {
  /** Names the check so another can be ordered against it (`before`). */
  id?: string;
  /** This check counts only if it passed while the check with this id had not yet passed. */
  before?: string;
  namespace?: string;
}

/** The STATUS, READY and RESTARTS columns of `kubectl get pods`, and the pod's phase. */
export interface PodCheck extends CheckBase, TextMatchless {
  kind: 'pod';
  pod: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  status?: string;
  ready?: string;
  restartsAtLeast?: number;
}

export interface ContainerCheck extends CheckBase, TextMatchless {
  kind: 'container';
  pod: string;
  container: string;
  state: 'waiting' | 'running' | 'terminated';
  reason?: string;
  exitCode?: number;
}

export interface LogCheck extends CheckBase, TextMatch {
  kind: 'log';
  pod: string;
  container: string;
  /** Read the previous instance (`kubectl logs --previous`). */
  previous?: boolean;
}

export interface ExecCheck extends CheckBase, TextMatch {
  kind: 'exec';
  pod: string;
  container?: string;
  command: string[];
  exitCode?: number;
}

export interface HttpCheck extends CheckBase, TextMatch {
  kind: 'http';
  /** Request the pod's IP… */
  pod?: string;
  /** …or the Service's ClusterIP, or (with nodePort) node01 on the Service's NodePort. */
  service?: string;
  nodePort?: boolean;
  /** The pod or Service port (for nodePort: which Service port's NodePort; default the first). */
  port?: number;
  path?: string;
  status?: number;
}

export interface FileCheck extends CheckBase, TextMatch {
  kind: 'file';
  pod: string;
  /** Read through this container's filesystem (default: the first container)… */
  container?: string;
  /** …or through the mount of this volume in whichever container mounts it; `path` is then inside the volume. */
  volume?: string;
  path: string;
  /** false: the file must not exist. */
  exists?: boolean;
}

export interface EventCheck extends CheckBase, TextMatchless {
  kind: 'event';
  reason: string;
  /** `pod/clash`, or a bare name. */
  object?: string;
  /** A regular expression the event's message must match. */
  message?: string;
}

export interface KubectlCheck extends CheckBase, TextMatch {
  kind: 'kubectl';
  /** A read-only kubectl command line, without `kubectl` (`get svc mc3 -o wide`). */
  command: string;
}

export interface ObjectCheck extends CheckBase, TextMatchless {
  kind: 'object';
  resource: 'Pod' | 'Service' | 'ConfigMap' | 'Secret' | 'Endpoints' | 'Namespace';
  name: string;
  exists: boolean;
}

export interface RanCheck extends CheckBase, TextMatchless {
  kind: 'ran';
  /** The learner typed a command line starting with this (after `k` → `kubectl`, spaces squeezed). */
  command?: string;
  /** …or a line matching this regular expression. */
  matches?: string;
}

/** Marker: checks that compare no free text. */
interface TextMatchless {
  contains?: never;
  equals?: never;
}

export type CheckSpec = PodCheck | ContainerCheck | LogCheck | ExecCheck | HttpCheck | FileCheck | EventCheck | KubectlCheck | ObjectCheck | RanCheck;
export type CheckKind = CheckSpec['kind'];

/** What the simulator shows for a prediction: one observed value, compared with the answer. */
export type Observation =
  | { kind: 'status' | 'ready' | 'restarts' | 'phase'; pod: string; namespace?: string }
  | { kind: 'log-last-line'; pod: string; container: string; namespace?: string }
  | { kind: 'kubectl'; command: string };

export interface Prediction {
  question: string;
  choices: string[];
  answer: string;
  /** Asked once this check passes (e.g. the pod exists); the clock pauses until it is answered. */
  when: CheckSpec;
  /** Virtual seconds after the question is asked at which the observation is read. */
  after: number;
  observe: Observation;
  /** Shown once answered: why the answer is what it is. */
  explain?: string;
}

export interface Step {
  id: string;
  title: string;
  /** Markdown of the step's section (after its `##` heading). */
  body: string;
  /** 1-based line of the step's heading in README.md (for error messages). */
  line: number;
  /** Where the learner mainly works in this step. */
  mode: 'editor' | 'terminal';
  /** Lesson-relative files loaded into the editor when the step begins; `blank`: an empty editor (an exercise). */
  start?: string[] | 'blank';
  /** Lesson-relative manifest shown by "Show solution" (as a diff against the editor). */
  solution?: string;
  hints: string[];
  checks: CheckSpec[];
  /** Virtual seconds the step's solution may take to pass its checks (podlab lessons check). */
  within: number;
  predict?: Prediction;
}

export type Level = 'beginner' | 'intermediate' | 'advanced';

export interface LessonSummary {
  slug: string;
  /** The NN of the folder name: lessons are ordered by it. */
  order: number;
  title: string;
  summary: string;
  level: Level;
  minutes: number;
  topics: string[];
  domains: string[];
  stepCount: number;
  /** The engine seed the lesson runs with (its timings and names are reproducible). */
  seed: number;
}

export interface Lesson extends LessonSummary {
  objectives: string[];
  /** Markdown before the first step. */
  intro: string;
  steps: Step[];
  /** Every file of the lesson folder except README.md, by lesson-relative path. */
  files: Record<string, string>;
}

/** A problem with a lesson, pointing at the file and line. */
export interface LessonProblem {
  file: string;
  line?: number;
  message: string;
}

export class LessonError extends Error {
  constructor(readonly problems: LessonProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LessonError';
  }
}

export function formatProblem(p: LessonProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
