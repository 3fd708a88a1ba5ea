/**
 * Flags kubectl v1.32 has that Pod Lab parses (so `--help`, typos and cobra's errors stay kubectl's)
 * but does not model. Accepting them and then doing nothing would teach the wrong thing, so a verb
 * checks its flags against these rules first and refuses with a clear Pod Lab message (exit 1).
 * A rule fires only for a value that would change what kubectl does: `--record=false` or
 * `--allow-missing-template-keys=true` are kubectl's defaults and pass.
 */
import type { FlagValues } from './flags';

export interface UnmodeledFlag {
  flag: string;
  /** Why Pod Lab refuses it (what is not modeled), shown after the flag. */
  why: string;
  /** Whether this value needs modeling; default: set to anything but false. */
  when?: (value: FlagValues[string]) => boolean;
}

/** The `error: …` line for the first rule the command line trips, or undefined. */
export function unmodeledFlag(verb: string, flags: FlagValues, set: Set<string>, rules: UnmodeledFlag[]): string | undefined {
  for (const r of rules) {
    if (!set.has(r.flag)) continue;
    const v = flags[r.flag];
    if (r.when ? !r.when(v) : v === false) continue;
    return `error: kubectl ${verb} --${r.flag} is not available in Pod Lab: ${r.why}\n`;
  }
  return undefined;
}

const isTrue = (v: FlagValues[string]) => v === true;
const isFalse = (v: FlagValues[string]) => v === false;

/** Printer flags of the verbs that print objects (-o): Pod Lab has no Go templates. */
export const TEMPLATE_RULES: UnmodeledFlag[] = [
  { flag: 'template', why: 'Go templates are not modeled; use -o jsonpath=… or -o yaml' },
  { flag: 'allow-missing-template-keys', when: isFalse, why: 'Go templates are not modeled and jsonpath here always allows missing keys' },
  { flag: 'show-managed-fields', when: isTrue, why: "Pod Lab's API server does not record managedFields" },
];

export const FIELD_MANAGER: UnmodeledFlag = { flag: 'field-manager', why: "Pod Lab's API server does not record managedFields, so the manager name would go nowhere" };
export const RECORD: UnmodeledFlag = { flag: 'record', when: isTrue, why: 'the deprecated kubernetes.io/change-cause annotation is not written' };
export const KUSTOMIZE: UnmodeledFlag = { flag: 'kustomize', why: 'kustomize is not built in; use -f with the manifests' };

/** The flags the resource-builder verbs (label, annotate, patch, set, edit) share. */
export const BUILDER_VERB_RULES: UnmodeledFlag[] = [KUSTOMIZE, FIELD_MANAGER, RECORD, ...TEMPLATE_RULES];

/**
 * GetValidationDirective: --validate's value as the API server's fieldValidation, and whether
 * kubectl's own schema check runs (not for ignore/false); or kubectl's error for a bad value.
 */
export function validationDirective(value: unknown): { fieldValidation: 'Strict' | 'Warn' | 'Ignore'; clientValidation: boolean } | string {
  switch (String(value ?? 'strict')) {
    case 'true':
    case 'strict':
      return { fieldValidation: 'Strict', clientValidation: true };
    case 'warn':
      return { fieldValidation: 'Warn', clientValidation: true };
    case 'false':
    case 'ignore':
      return { fieldValidation: 'Ignore', clientValidation: false };
    default:
      return `error: invalid - validate option ${JSON.stringify(String(value))}; must be one of: strict (or true), warn, ignore (or false)\n`;
  }
}
