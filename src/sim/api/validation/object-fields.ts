/**
 * Reading fields of a decoded manifest, which is untyped JSON: an absent or mistyped field reads as
 * empty, so validators report the API server's error for it instead of crashing. Shared by the
 * validators of every kind (and by update validation).
 */
import type { FieldError } from '../errors';
import { notSupported, required } from './field-errors';

type Obj = Record<string, unknown>;

/** The largest int32: API integer fields (user IDs, deadlines) are int32 or int64 ranges. */
export const MAX_INT32 = 2147483647;

/** Required when empty, else Unsupported unless one of `valid`. */
export function enumField(path: string, value: unknown, valid: string[]): FieldError[] {
  if (value === undefined || value === null || value === '') return [required(path)];
  return valid.includes(value as string) ? [] : [notSupported(path, value, valid)];
}

export function asObj(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

export function list(v: unknown): Obj[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Obj[]) : [];
}
