/**
 * A link that came from data (a client's home URL, a county's icon or page) is rendered only when it is
 * an absolute http(s) URL or a path on this site; `javascript:`, `data:`, `vbscript:`, protocol-relative
 * `//host` and anything unparsable are refused, so a stored value can never run script when clicked.
 */
export function isSafeUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  const v = value.trim();
  if (v !== value || /[\u0000-\u001f\u007f\s]/.test(v)) return false;
  if (v.startsWith('/')) return !v.startsWith('//') && !v.startsWith('/\\');
  return isHttpUrl(v);
}

/** An absolute http(s) URL with a host: the only kind a client or county may register. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL if it is safe to render as a link, otherwise `fallback` (undefined by default: render no link). */
export function safeUrl(value: string | null | undefined, fallback?: string): string | undefined {
  return isSafeUrl(value) ? value : fallback;
}
