/**
 * awk values: numbers, strings, and "strnums" — text from input (fields, getline, -v and operand
 * assignments, ARGV, ENVIRON) that compares as a number when it looks like one, as busybox's
 * VF_USER flag does. `undefined` is an uninitialised variable: "" and 0 at once.
 */
import { numToString } from './format';

export class Strnum {
  private n?: number;
  private looks?: boolean;
  constructor(readonly s: string) {}

  get num(): number {
    if (this.n === undefined) [this.n, this.looks] = strtod(this.s);
    return this.n;
  }

  /** The whole text (give or take surrounding blanks) is a number. */
  get looksNumeric(): boolean {
    if (this.looks === undefined) [this.n, this.looks] = strtod(this.s);
    return this.looks;
  }
}

export type Val = number | string | Strnum | undefined;

const NUM_PREFIX = /^[ \t\n\r\f\v]*([-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|inf(?:inity)?|nan))/i;

/** C strtod on a string's longest numeric prefix, and whether only blanks follow it. */
export function strtod(s: string): [number, boolean] {
  const m = NUM_PREFIX.exec(s);
  if (!m) return [0, false];
  const t = m[1].toLowerCase().replace(/^([-+]?)inf(inity)?$/, '$1Infinity').replace(/^[-+]?nan$/, 'NaN');
  return [Number(t), /^[ \t\n\r\f\v]*$/.test(s.slice(m[0].length))];
}

export function toNum(v: Val): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  if (v instanceof Strnum) return v.num;
  return strtod(v)[0];
}

export function toStr(v: Val, convfmt: string): string {
  if (typeof v === 'number') return numToString(v, convfmt);
  if (v === undefined) return '';
  return v instanceof Strnum ? v.s : v;
}

/** Compares as a number: a number, an uninitialised value, or numeric-looking input text. */
export function isNumeric(v: Val): boolean {
  return typeof v === 'number' || v === undefined || (v instanceof Strnum && v.looksNumeric);
}

export function truthy(v: Val): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (v instanceof Strnum) return v.looksNumeric ? v.num !== 0 : v.s !== '';
  return v !== '';
}
