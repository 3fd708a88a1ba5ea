/**
 * A stable 64-hex digest derived from a string (FNV-1a, widened). The catalogue uses it for images
 * whose real digest is not recorded; only stability matters (imageID must not change between runs).
 */
export function pseudoDigest(s: string): string {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
