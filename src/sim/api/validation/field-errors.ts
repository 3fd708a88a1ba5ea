/**
 * Constructors for FieldError, rendering values as apimachinery's field.Error does: strings with
 * Go's %q, numbers and booleans raw, absent values as `null`. Required and Forbidden never show a
 * value; NotSupported lists the allowed values (`supported values: "Always", "OnFailure", "Never"`).
 */
import { goQuote, type FieldError } from '../errors';

export function renderValue(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goQuote(JSON.stringify(v));
}

export const required = (field: string, detail = ''): FieldError => ({ field, type: 'Required value', detail: detail || undefined });
export const forbidden = (field: string, detail: string): FieldError => ({ field, type: 'Forbidden', detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({
  field,
  type: 'Invalid value',
  value: renderValue(value),
  detail: detail || undefined,
});
export const duplicate = (field: string, value: unknown): FieldError => ({ field, type: 'Duplicate value', value: renderValue(value) });
export const notFound = (field: string, value: unknown): FieldError => ({ field, type: 'Not found', value: renderValue(value) });
export const notSupported = (field: string, value: unknown, valid: string[]): FieldError => ({
  field,
  type: 'Unsupported value',
  value: renderValue(value),
  detail: valid.length ? `supported values: ${valid.map((v) => goQuote(v)).join(', ')}` : undefined,
});
export const tooLong = (field: string, max: number): FieldError => ({ field, type: 'Too long', detail: `may not be more than ${max} bytes` });
