/**
 * A short fingerprint of a taxonomy or catalogue (FNV-1a over its JSON), saved with each
 * document (`classifiedWith`) so that saved output read back knows whether its topics and
 * indicators came from the taxonomy and catalogue of this run.
 */
const cache = new WeakMap<object, string>();

export function fingerprint(value: object): string {
  const cached = cache.get(value);
  if (cached) return cached;
  const json = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const out = h.toString(16).padStart(8, "0");
  cache.set(value, out);
  return out;
}
