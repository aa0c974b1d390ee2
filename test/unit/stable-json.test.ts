import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { schemaRecordsJson } from '../../src/lib/data/stable-json.ts';

const Item = z.strictObject({ id: z.string(), price: z.string().regex(/^\d+(\.\d+)?$/), note: z.string().optional() });
const File = z.strictObject({ asOf: z.string(), items: z.array(Item), count: z.number() });

describe('schemaRecordsJson', () => {
  it('writes the envelope indented and each record on one line, keys in the schema order', () => {
    const text = schemaRecordsJson(File, { count: 2, items: [{ price: '1', id: 'b' }, { id: 'a', price: '0.5', note: 'x' }], asOf: '2026-08-22' }, 'items');
    expect(text).toBe(['{', '  "asOf": "2026-08-22",', '  "items": [', '    {"id":"b","price":"1"},', '    {"id":"a","price":"0.5","note":"x"}', '  ],', '  "count": 2', '}', ''].join('\n'));
    expect(JSON.parse(text)).toEqual(File.parse(JSON.parse(text)));
  });

  it('writes an empty list as []', () => {
    expect(schemaRecordsJson(File, { asOf: '2026-08-22', items: [], count: 0 }, 'items')).toBe('{\n  "asOf": "2026-08-22",\n  "items": [],\n  "count": 0\n}\n');
  });

  it('refuses a record that breaks the schema, naming the record and field', () => {
    const bad = () => schemaRecordsJson(File, { asOf: '2026-08-22', items: [{ id: 'a', price: '1' }, { id: 'b', price: '$1' }], count: 2 }, 'items');
    expect(bad).toThrow(z.ZodError);
    try {
      bad();
    } catch (error) {
      expect((error as z.ZodError).issues[0]!.path).toEqual(['items', 1, 'price']);
    }
    expect(() => schemaRecordsJson(File, { asOf: 5, items: [], count: 0 } as never, 'items')).toThrow(z.ZodError);
    expect(() => schemaRecordsJson(File, { asOf: '2026-08-22', items: [{ id: 'a', price: '1', extra: 1 }], count: 1 } as never, 'items')).toThrow(/extra/);
  });
});
