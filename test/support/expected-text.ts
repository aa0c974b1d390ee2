/**
 * How figures should read on a page, written out independently of src/lib/format so that tests do not
 * compute expected text with the formatter under test. Small, hand-checked rules only.
 */

/** 32768 → "32,768". */
export function grouped(value: number | string): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A price per 1M tokens: "0.7" → "$0.70/M", "0.0375" → "$0.0375/M", "0" → "free", "variable" → "variable". */
export function expectedPerMillion(decimal: string): string {
  if (decimal === 'variable') return 'variable';
  if (/^0+(\.0+)?$/.test(decimal)) return 'free';
  const [whole = '0', fraction = ''] = decimal.split('.');
  return `$${grouped(whole.replace(/^0+(?=\d)/, ''))}.${fraction.padEnd(2, '0')}/M`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-06-13" → "Jun 13, 2026". */
export function expectedDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${MONTHS[Number(m) - 1]} ${Number(d)}, ${y}`;
}
