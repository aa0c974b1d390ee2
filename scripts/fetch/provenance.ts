/** PROVENANCE.json: one entry per raw file, keys in code-point order, so diffs stay small and stable. */
import { Provenance, type ProvenanceEntry } from '../../src/lib/data/schema.ts';
import type { z } from 'astro/zod';

export type ProvenanceRecord = z.infer<typeof ProvenanceEntry>;

export const PROVENANCE_FILE = 'PROVENANCE.json';

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function mergeProvenance(existing: Provenance, updates: Readonly<Record<string, ProvenanceRecord>>): Provenance {
  const merged: Provenance = { ...existing, ...updates };
  return Object.fromEntries(Object.keys(merged).sort(byCodePoint).map((key) => [key, merged[key]!]));
}

export function serializeProvenance(provenance: Provenance): string {
  const sorted = Object.fromEntries(Object.keys(provenance).sort(byCodePoint).map((key) => [key, provenance[key]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** A missing file is an empty record; an unreadable one stops the run before anything is written. */
export function parseProvenance(text: string | null, where: string): Provenance {
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not valid JSON (${(error as Error).message}); fix or restore it before fetching`);
  }
  const checked = Provenance.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${where}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is not a provenance record'}; fix or restore it before fetching`);
  }
  return checked.data;
}
