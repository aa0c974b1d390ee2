/**
 * URLs that come from upstream data (provider API base URLs, docs links, source pages) are untrusted:
 * only absolute http(s) URLs become links; anything else (javascript:, data:, relative paths,
 * garbage) is shown as text or not at all.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}
