/**
 * awk associative arrays iterated in busybox's order. busybox keeps arrays in a chained hash
 * (editors/awk.c hash_find/hashwalk_init): hash = c + 63*hash over the key's bytes (signed
 * chars), 61 buckets growing to 251, 1021, 4093, 16381, 65521 when elements exceed ten per
 * bucket, new keys pushed at the head of their chain, and `for (k in a)` walks bucket 0 upwards,
 * each chain head first. Reproducing that makes `for (k in a)` print what busybox prints.
 */
import type { Val } from './values';

const FIRST_PRIME = 61;
const PRIMES = [251, 1021, 4093, 16381, 65521];

function utf8(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function hashidx(name: string): number {
  let idx = 0;
  for (const b of utf8(name)) idx = (Math.imul(idx, 63) + (b >= 0x80 ? b - 256 : b)) >>> 0;
  return idx;
}

export class AwkArray {
  private readonly values = new Map<string, Val>();
  private buckets: string[][] = Array.from({ length: FIRST_PRIME }, () => []);
  private nprime = 0;

  get size(): number {
    return this.values.size;
  }

  has(k: string): boolean {
    return this.values.has(k);
  }

  get(k: string): Val {
    return this.values.get(k);
  }

  /** Reading a missing element creates it, as in every awk. */
  ref(k: string): Val {
    if (!this.values.has(k)) this.set(k, undefined);
    return this.values.get(k);
  }

  set(k: string, v: Val): void {
    if (!this.values.has(k)) {
      // busybox grows before inserting, once the average chain would exceed ten.
      if (Math.floor((this.values.size + 1) / this.buckets.length) > 10) this.rebuild();
      this.buckets[hashidx(k) % this.buckets.length].unshift(k);
    }
    this.values.set(k, v);
  }

  delete(k: string): void {
    if (!this.values.delete(k)) return;
    const b = this.buckets[hashidx(k) % this.buckets.length];
    b.splice(b.indexOf(k), 1);
  }

  clear(): void {
    this.values.clear();
    this.buckets = this.buckets.map(() => []);
  }

  /** Keys in busybox's walk order, snapshotted as for-in does before the loop body runs. */
  keys(): string[] {
    return this.buckets.flat();
  }

  private rebuild(): void {
    if (this.nprime === PRIMES.length) return;
    const size = PRIMES[this.nprime++];
    const next: string[][] = Array.from({ length: size }, () => []);
    // Old chains are walked head first and each item pushed at the head of its new chain.
    for (const chain of this.buckets) for (const k of chain) next[hashidx(k) % size].unshift(k);
    this.buckets = next;
  }
}
