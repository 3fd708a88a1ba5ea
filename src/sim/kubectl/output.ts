/** -o yaml / -o json / -o name for kubectl's verbs (the byte-exact emitters live in printers/). */
import type { KubeObject } from '../api/types';
import { toYAML, toYAMLList } from './printers/yaml';
import { toJSON, toJSONList } from './printers/json';

export const toYaml = toYAML;
export const toJson = toJSON;

/** Several objects print as a v1 List. */
export function printList(items: KubeObject[], format: 'yaml' | 'json'): string {
  return format === 'yaml' ? toYAMLList(items) : toJSONList(items);
}

/** `-o name`: `pod/nginx` (kind lower-cased). */
export function toName(o: KubeObject): string {
  return `${(o.kind ?? '').toLowerCase()}/${o.metadata?.name}`;
}
