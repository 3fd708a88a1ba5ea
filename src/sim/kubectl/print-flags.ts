/**
 * The printer every mutating verb shares (cli-runtime genericclioptions.PrintFlags): with no -o,
 * `<kind>/<name> <operation>` (` (dry run)` / ` (server dry run)` appended to the operation);
 * `-o name` → `<kind>/<name>`; `-o yaml|json|jsonpath=…` → the object. `typed` selects the JSON
 * field order of a Go struct (create's generators) instead of the sorted map order of the
 * unstructured objects label/annotate/patch hold.
 */
import type { KubeObject } from '../api/types';
import { toJson, toYaml } from './output';
import { toTypedJSON } from './generate/typed-json';
import { JsonPathError, jsonPath } from './jsonpath';

export const PRINT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export type DryRun = 'none' | 'client' | 'server';

export class PrintFlagError extends Error {}

/** GetDryRunStrategy: the value of --dry-run, or kubectl's error. */
export function dryRunStrategy(value: unknown): DryRun {
  if (value === undefined || value === 'none' || value === '' || value === 'false') return 'none';
  if (value === 'client' || value === 'true' || value === 'unchanged') return 'client';
  if (value === 'server') return 'server';
  throw new PrintFlagError(`error: Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** Checks -o before anything runs (PrintFlags.ToPrinter), as kubectl does in Complete. */
export function checkOutput(output: string | undefined): void {
  if (!output || ['yaml', 'json', 'name'].includes(output) || output.startsWith('jsonpath=')) return;
  if (/^(go-template|go-template-file|template|templatefile|jsonpath|jsonpath-file|jsonpath-as-json)(=|$)/.test(output)) {
    throw new PrintFlagError(`error: -o ${output.split('=')[0]} is not available in Pod Lab (use -o yaml, -o json, -o name or -o jsonpath=...)`);
  }
  throw new PrintFlagError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINT_FORMATS}`);
}

export function dryRunSuffix(dry: DryRun): string {
  return dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
}

/** What PrintObj writes for one object. */
export function printObject(obj: KubeObject, operation: string, opts: { output?: string; dryRun: DryRun; typed?: boolean }): string {
  const ref = `${(obj.kind ?? '').toLowerCase()}/${obj.metadata?.name ?? ''}`;
  const output = opts.output ?? '';
  if (output === 'yaml') return toYaml(obj);
  if (output === 'json') return opts.typed ? toTypedJSON(obj) : toJson(obj);
  if (output === 'name') return ref + '\n';
  if (output.startsWith('jsonpath=')) {
    try {
      return jsonPath(output.slice('jsonpath='.length), obj);
    } catch (e) {
      if (e instanceof JsonPathError) throw new PrintFlagError(`error: ${e.message}`);
      throw e;
    }
  }
  return `${ref} ${operation}${dryRunSuffix(opts.dryRun)}\n`;
}
