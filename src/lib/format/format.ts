/**
 * Display formatting, the last step before text reaches a page. Prices arrive as exact decimal
 * strings and are formatted as strings: no value passes through a float on its way to the screen.
 */
import Big from 'big.js';
import type { Price } from '../data/schema.ts';
import { VARIABLE_PRICE } from '../pricing/variable-price.ts';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 32768 → "32,768"; null → "unknown". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? 'unknown' : integer.format(value);
}

// One formatter for every date: toLocaleDateString builds a new one per call, several ms each on a slow phone.
let dateFormat: Intl.DateTimeFormat | undefined;

/** "2023-12-28" → "Dec 28, 2023" (UTC, the date as upstream states it). */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  dateFormat ??= new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Adds thousands separators to the integer part of a decimal string, keeping every digit. */
export function groupDecimal(decimal: string): string {
  const negative = decimal.startsWith('-');
  const [intPart = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A USD amount from a decimal string, exact: "0.54" → "$0.54", "0.5" → "$0.50", "0.0000375" →
 * "$0.0000375". At least two decimals, more only when the value has them.
 */
export function formatUsd(decimal: string): string {
  const value = new Big(decimal);
  const digits = Math.max(2, (value.abs().toFixed().split('.')[1] ?? '').length);
  const text = groupDecimal(value.abs().toFixed(digits));
  return `${value.lt(0) ? '-' : ''}$${text}`;
}

/** A USD amount rounded for display of totals: cents from one cent up, else up to 6 decimals. */
export function formatUsdRounded(decimal: string): string {
  const value = new Big(decimal);
  if (value.eq(0)) return '$0.00';
  if (value.abs().gte(0.01)) return formatUsd(value.toFixed(2, Big.roundHalfUp));
  const rounded = value.round(6, Big.roundHalfUp);
  if (rounded.eq(0)) return value.lt(0) ? '-<$0.000001' : '<$0.000001';
  return `${rounded.lt(0) ? '-' : ''}$${rounded.abs().toFixed()}`;
}

/** A fraction as an exact percentage, by decimal arithmetic: "0.2" → "20%", "0.07" → "7%", "0.125" → "12.5%". */
export function formatPercentOfFraction(fraction: string): string {
  return `${new Big(fraction).times(100).toFixed()}%`;
}

/** A discount as every page states it: "0.2" → "20% off every price". */
export function formatDiscount(fraction: string): string {
  return `${formatPercentOfFraction(fraction)} off every price`;
}

/** "0.54" per 1M tokens → "$0.54/M"; "variable" → "variable"; "0" → "free". */
export function formatPricePerMillion(price: Price | undefined): string {
  if (price === undefined) return 'not offered';
  if (price === VARIABLE_PRICE) return 'variable';
  if (new Big(price).eq(0)) return 'free';
  return `${formatUsd(price)}/M`;
}

/** A per-unit price: "0.005" per request → "$0.005". */
export function formatUnitPrice(price: Price | undefined): string {
  if (price === undefined) return 'not offered';
  if (price === VARIABLE_PRICE) return 'variable';
  if (new Big(price).eq(0)) return 'free';
  return formatUsd(price);
}

/** 46702792704 → "46.7B"; 7241732096 → "7.24B"; three significant digits. */
export function formatParams(count: number | null | undefined): string {
  if (count === null || count === undefined) return 'unknown';
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (count >= size) return `${Number((count / size).toPrecision(3))}${suffix}`;
  }
  return String(count);
}

/**
 * RoPE theta as configs write it, then as papers do: 500000 → "500,000 (5e5)", 1000000 →
 * "1,000,000 (1e6)". Below 1,000 or with a fraction (10000.5 → "10,000.5") the exponent form would
 * say nothing more, so only the grouped number is shown.
 */
export function formatRopeTheta(value: number): string {
  if (!Number.isInteger(value) || value < 1000) return new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }).format(value);
  return `${formatCount(value)} (${value.toExponential().replace('e+', 'e')})`;
}

/** Binary sizes, as memory is sold: 131072 → "128 KiB", 4294967296 → "4 GiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return 'unknown';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number(value.toPrecision(3))} ${units[unit]}`;
}

/**
 * Compact context sizes for tight cells: 32768 → "32K", 1048576 → "1M", 1000000 → "1M", 200000 →
 * "200K". Upstream sizes are either powers-of-two multiples (32,768) or round decimals (200,000), so
 * each is divided by the base it was chosen in.
 */
export function formatContextShort(tokens: number | null | undefined): string {
  if (tokens === null || tokens === undefined) return 'unknown';
  const binary = (size: number) => tokens % (size / 8) === 0 && tokens % 1000 !== 0;
  if (tokens >= 1_000_000) return `${Number((tokens / (binary(1_048_576) ? 1_048_576 : 1_000_000)).toPrecision(3))}M`;
  if (tokens >= 1000) return `${Number((tokens / (binary(1024) ? 1024 : 1000)).toPrecision(3))}K`;
  return String(tokens);
}
