/**
 * A validation error names the field as people know it ("计划人数"), never its internal key (`quota`,
 * `components.1.key`). Every field the contract accepts needs a label in both languages, or an error on it
 * would fall back to a vague "某一项".
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodToAppError } from '../../../src/core/api/zod-error';
import { contract } from '../../../src/shared/contract';
import { FIELD_LABELS, fieldPathLabel } from '../../../src/shared/field-labels';

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

/** Every object key reachable in a schema (through optional, arrays, records, unions, pipes…). */
function fieldKeys(schema: unknown, found: Set<string>, seen = new Set<unknown>()): Set<string> {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown) => s !== undefined && fieldKeys(s, found, seen);
  if (def.type === 'object') {
    for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
      found.add(k);
      walk(v);
    }
  }
  for (const key of ['innerType', 'element', 'valueType', 'in', 'out', 'left', 'right']) walk(def[key]);
  for (const key of ['options', 'items']) (def[key] as unknown[] | undefined)?.forEach(walk);
  if (def.type === 'lazy') walk((def.getter as () => unknown)());
  return found;
}

describe('validation errors in words', () => {
  it('names a known field by its label, with the path kept for support', () => {
    const parsed = z.strictObject({ baseName: z.string().max(5) }).safeParse({ baseName: '太长的基地名称文字' });
    const e = zodToAppError(parsed.error!);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^输入不正确：基地名称：/);
    expect(e.message).not.toContain('baseName');
    expect(e.details).toMatchObject({ fields: 'base name', issues: [{ path: 'baseName', label: '基地名称' }] });
  });

  it('words a nested list position instead of a dotted key path', () => {
    expect(fieldPathLabel(['components', 1, 'key'], 'zh')).toBe('考核项第 2 项的键名');
    expect(fieldPathLabel(['components', 1, 'key'], 'en')).toBe('assessment components › #2 › key');
    const schema = z.strictObject({ components: z.array(z.strictObject({ key: z.string().min(1) })) });
    const e = zodToAppError(schema.safeParse({ components: [{ key: 'a' }, { key: '' }] }).error!);
    expect(e.message).toContain('考核项第 2 项的键名：');
    expect(e.message).not.toContain('components.1.key');
  });

  it('has a label in both languages for every field the contract accepts', () => {
    const keys = new Set<string>();
    for (const def of Object.values(contract)) fieldKeys(def.input, keys);
    expect(keys.size).toBeGreaterThan(100);
    expect([...keys].filter((k) => !FIELD_LABELS[k]?.zh || !FIELD_LABELS[k]?.en).sort()).toEqual([]);
  });
});
