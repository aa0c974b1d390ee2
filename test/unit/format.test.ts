import { describe, expect, it } from 'vitest';
import { formatBytes, formatContextShort, formatCount, formatDate, formatDiscount, formatParams, formatPercentOfFraction, formatPricePerMillion, formatUnitPrice, formatUsd, formatUsdRounded } from '../../src/lib/format/format.ts';

describe('format', () => {
  it('formats counts and dates as upstream pages do', () => {
    expect(formatCount(32768)).toBe('32,768');
    expect(formatCount(null)).toBe('unknown');
    expect(formatDate('2023-12-28')).toBe('Dec 28, 2023');
    expect(formatDate('2023-12-10')).toBe('Dec 10, 2023');
  });

  it('states a discount as an exact percentage, never a float artefact', () => {
    // 0.07 × 100 in floating point is 7.000000000000001.
    expect(formatPercentOfFraction('0.07')).toBe('7%');
    expect(formatPercentOfFraction('0.125')).toBe('12.5%');
    expect(formatPercentOfFraction('0.0000001')).toBe('0.00001%');
    expect(formatDiscount('0.2')).toBe('20% off every price');
  });

  it('formats exact prices without losing digits', () => {
    expect(formatUsd('0.54')).toBe('$0.54');
    expect(formatUsd('0.5')).toBe('$0.50');
    expect(formatUsd('0.0000375')).toBe('$0.0000375');
    expect(formatUsd('1234.5')).toBe('$1,234.50');
    expect(formatPricePerMillion('0.2')).toBe('$0.20/M');
    expect(formatPricePerMillion('0')).toBe('free');
    expect(formatPricePerMillion('variable')).toBe('variable');
    expect(formatPricePerMillion(undefined)).toBe('not offered');
    expect(formatUnitPrice('0.005')).toBe('$0.005');
  });

  it('rounds totals to cents, or to six decimals below a cent', () => {
    expect(formatUsdRounded('40.5')).toBe('$40.50');
    expect(formatUsdRounded('0.005')).toBe('$0.005');
    expect(formatUsdRounded('0.0000004')).toBe('<$0.000001');
    expect(formatUsdRounded('0')).toBe('$0.00');
  });

  it('formats parameters, bytes and compact context sizes', () => {
    expect(formatParams(46_702_792_704)).toBe('46.7B');
    expect(formatParams(7_241_732_096)).toBe('7.24B');
    expect(formatBytes(131072)).toBe('128 KiB');
    expect(formatBytes(4 * 1024 ** 3)).toBe('4 GiB');
    expect(formatContextShort(32768)).toBe('32K');
    expect(formatContextShort(200000)).toBe('200K');
    expect(formatContextShort(1_048_576)).toBe('1M');
    expect(formatContextShort(1_000_000)).toBe('1M');
    expect(formatContextShort(131072)).toBe('128K');
    expect(formatContextShort(2824)).toBe('2.82K');
  });
});
