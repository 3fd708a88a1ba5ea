/**
 * Exact resource.Quantity arithmetic for describe's totals: values are held as BigInt nano-units
 * (so 4Gi of memory or 1n of CPU add up without rounding), keep the format of the quantity they
 * started from (`Ki`/`Mi` → BinarySI, else DecimalSI), and print in Go's canonical form
 * (`1500m`, `2`, `192Mi`, `167108864`).
 */
export interface Quantity {
  nano: bigint;
  format: 'BinarySI' | 'DecimalSI';
}

export const ZERO: Quantity = { nano: 0n, format: 'DecimalSI' };

const DEC: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const pow10 = (e: number) => 10n ** BigInt(e);

/** Parses a quantity as the API server stored it; undefined when it is not one. */
export function parseQ(raw: string | number | undefined): Quantity | undefined {
  if (raw === undefined) return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|([a-zA-Z]*))$/.exec(String(raw).trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const frac = m[3] ?? '';
  // digits as an integer scaled by 10^-frac.length, then to nano-units
  let nano = BigInt((m[2] || '0') + frac) * pow10(9);
  let scale = -frac.length;
  let format: Quantity['format'] = 'DecimalSI';
  if (m[4]) scale += Number(m[4].slice(1));
  else if (m[5] in BIN) {
    nano *= 1024n ** BigInt(BIN[m[5]]);
    format = 'BinarySI';
  } else if (m[5] in DEC) scale += DEC[m[5]];
  else return undefined;
  nano = scale >= 0 ? nano * pow10(scale) : ceilDiv(nano, pow10(-scale));
  return { nano: sign * nano, format };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return a % b === 0n ? a / b : a / b + 1n;
}

export function add(a: Quantity | undefined, b: Quantity): Quantity {
  return a ? { nano: a.nano + b.nano, format: a.format } : { ...b };
}

/** Quantity.String() in canonical form. */
export function formatQ(q: Quantity | undefined): string {
  if (!q || q.nano === 0n) return '0';
  const n = q.nano;
  const abs = n < 0n ? -n : n;
  if (q.format === 'BinarySI' && abs >= 1024n * pow10(9) && abs % pow10(9) === 0n) {
    let bytes = n / pow10(9);
    let k = 0;
    while (k < 6 && bytes % 1024n === 0n) {
      bytes /= 1024n;
      k++;
    }
    return `${bytes}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][k]}`;
  }
  // DecimalSI: the largest power-of-1000 suffix that keeps the mantissa whole
  for (let e = 18; e >= -9; e -= 3) {
    const unit = pow10(e + 9);
    if (abs % unit === 0n) return `${n / unit}${Object.keys(DEC).find((s) => DEC[s] === e)}`;
  }
  return `${n}n`;
}

/** MilliValue() (rounded up), as describe's percentages use it for CPU. */
export function milliValue(q: Quantity | undefined): number {
  return q ? Number(ceilDiv(q.nano, pow10(6))) : 0;
}

/** Value() (rounded up), as describe's percentages use it for memory. */
export function value(q: Quantity | undefined): number {
  return q ? Number(ceilDiv(q.nano, pow10(9))) : 0;
}
