/** Client-chosen ids (URL-safe, as the shared id schema wants), random enough to never collide. */
export function newId(prefix: string, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(10));
  const body = [...bytes].map((b) => b.toString(36).padStart(2, '0')).join('');
  return `${prefix}-${body}`;
}
