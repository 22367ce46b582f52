/**
 * Letters and digits that cannot be mistaken for one another on a ticket or over the pass: no
 * 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, 6/G or U (V stays: without U it has no twin).
 */
export const orderNumberAlphabet = 'ACEFHJKMNPRTVWXY3479';
const length = 4;

/** FNV-1a over the id with murmur3's final mix (ids differ in a character or two): the same everywhere. */
function hashId(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * The short number staff call out and customers see ("#K7FA"): four characters of an alphabet
 * without look-alikes, derived from the order id. Every screen uses this one, so the kitchen and
 * the front say the same thing.
 */
export function orderNumber(orderId: string): string {
  let rest = hashId(orderId);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += orderNumberAlphabet[rest % orderNumberAlphabet.length];
    rest = Math.floor(rest / orderNumberAlphabet.length);
  }
  return `#${out}`;
}
