/** Namespace validation: the name is a DNS-1123 label; namespaces are cluster-scoped. */
import type { FieldError } from '../errors';
import { validateObjectMeta } from './meta';
import { isDNS1123Label, maskTrailingDash } from './names';

export const namespaceNameErrors = (name: string, prefix: boolean): string[] => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

export function validateNamespace(ns: Record<string, unknown>): FieldError[] {
  return validateObjectMeta(ns.metadata as never, false, namespaceNameErrors);
}
