/**
 * Context sizes as people write them. "128K" means 128,000 tokens, so a minimum of "128K" keeps the
 * 128,000-token models as well as the 131,072-token ones (which providers also call 128K).
 */
export const CONTEXT_LABELS = ['8K', '32K', '128K', '200K', '1M'] as const;

const UNITS: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };

/** "128K", "128k", "1M", "1.5M", "32,768", "200000" → tokens; null for anything else. */
export function parseTokenCount(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)\s*([km]?)\s*(?:tokens?)?\s*$/i.exec(text);
  if (!match) return null;
  const [, digits, unit] = match;
  const value = Number(digits!.replace(/,/g, '')) * UNITS[unit!.toLowerCase()]!;
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** 128000 → "128K", 1000000 → "1M", 32768 → "32,768": a count written back in the form people type. */
export function tokenCountLabel(tokens: number): string {
  if (tokens % 1_000_000 === 0) return `${tokens / 1_000_000}M`;
  if (tokens % 1_000 === 0) return `${tokens / 1_000}K`;
  return tokens.toLocaleString('en-US');
}
