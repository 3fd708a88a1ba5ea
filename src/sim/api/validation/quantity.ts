/**
 * resource.Quantity parsing (`500m`, `128Mi`, `1e3`), following apimachinery's ParseQuantity so a
 * malformed value fails with its words: `quantities must match the regular expression ...`.
 */

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
export const QUANTITY_NUMERIC_ERROR = "unable to parse quantity's numeric part";

export type QuantityParse = { ok: true; value: number; suffix: string } | { ok: false; error: string };

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** Parses a quantity; `value` is the amount in base units (cores, bytes) as a float. */
export function parseQuantity(str: string): QuantityParse {
  if (str.length === 0) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  if (str === '0') return { ok: true, value: 0, suffix: '' };
  const split = splitQuantity(str);
  if ('error' in split) return { ok: false, error: split.error };
  const { positive, num, denom, suffix } = split;
  let multiplier: number;
  if (suffix in DECIMAL_SUFFIXES) multiplier = 10 ** DECIMAL_SUFFIXES[suffix];
  else if (suffix in BINARY_SUFFIXES) multiplier = 2 ** BINARY_SUFFIXES[suffix];
  else if (/^[eE][-+]?[0-9]+$/.test(suffix)) multiplier = 10 ** Number(suffix.slice(1));
  else return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  const amount = Number(`${num}.${denom || '0'}`);
  if (!Number.isFinite(amount)) return { ok: false, error: QUANTITY_NUMERIC_ERROR };
  return { ok: true, value: (positive ? 1 : -1) * amount * multiplier, suffix };
}

/** apimachinery's parseQuantityString: sign, digits, optional fraction, suffix. */
function splitQuantity(
  str: string,
): { positive: boolean; num: string; denom: string; suffix: string } | { error: string } {
  let pos = 0;
  const end = str.length;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    pos = i;
  }
  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i])) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  return { error: QUANTITY_FORMAT_ERROR };
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
