/**
 * FNV-1a over a value's JSON (functions by their source): the same
 * definition gives the same version in every process. @internal
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'function' ? String(inner) : inner,
  );
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
