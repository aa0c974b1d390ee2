/**
 * Retry-After (RFC 9110 §10.2.3), read once for both the data fetcher and the live trial: either
 * delay-seconds or an HTTP-date. Returns the wait in milliseconds, or undefined when the header is
 * absent or unreadable; a date in the past means no wait.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates always name a weekday or month; this keeps strings like "-1" or "1.5" from Date.parse.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
