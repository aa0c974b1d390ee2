import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/lib/format/xml.ts';

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`Tom & Jerry's <"model">`)).toBe('Tom &amp; Jerry&apos;s &lt;&quot;model&quot;&gt;');
  });

  it('drops control characters XML 1.0 cannot carry, keeping tabs and newlines', () => {
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
  });
});
