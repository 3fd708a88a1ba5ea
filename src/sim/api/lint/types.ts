/**
 * One problem in a manifest, tied to where it is written. Plain data: it crosses the Web Worker
 * boundary and becomes an editor marker and a row in the app's Problems strip.
 */
export interface Diagnostic {
  /** `error`: kubectl would refuse the manifest (its own wording). `warning`: it would be accepted
   * but will not do what it seems to (lint). */
  severity: 'error' | 'warning';
  message: string;
  /** 1-based, counted from the start of the text; absent when the problem has no place (a server error). */
  line?: number;
  column?: number;
  /** Where a marker ends (1-based, exclusive column); defaults to the end of the line. */
  endLine?: number;
  endColumn?: number;
  /** Who found it: `kubectl` (parse, decode, API validation) or a lint rule id (`lint/image-not-in-catalogue`). */
  source: string;
  /** The field it concerns (`spec.containers[0].image`), when there is one. */
  path?: string;
}
