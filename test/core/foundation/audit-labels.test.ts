/**
 * The audit viewer shows each action and each kind of object in words. An action or object the core writes
 * without a label shows up as a raw code (`rotation.moveBlock`, `rotation_plan`) to the person reading the
 * log, so every one written anywhere in the core needs a label in both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/en';
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN';

const CORE = join(import.meta.dirname, '../../../src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every action name the core writes: `action: '…'` literals, the rotation edits' names, the transfer kinds. */
function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(CORE)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/action: '([a-zA-Z.-]+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/editChecked\([^)]*?'(rotation\.[a-zA-Z]+)'/g)) found.add(m[1]!);
    // `trainee.transfer-${kind}`: the two kinds of TransferInput.
    if (text.includes('`trainee.transfer-${input.kind}`'))
      ['base', 'specialty'].forEach((k) => found.add(`trainee.transfer-${k}`));
  }
  return [...found].sort();
}

/** Every kind of object the core's events name: `entity: '…'` literals. */
function writtenEntities(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(CORE)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/entity: '([a-zA-Z_-]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('audit action labels', () => {
  const actions = writtenActions();

  it('finds the actions the core writes', () => {
    expect(actions.length).toBeGreaterThan(60);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'rotation.moveBlock', 'trainee.transfer-base']));
  });

  it.each([
    ['zh-CN', zhCN.audit.actions as Record<string, string>],
    ['en', en.audit.actions as Record<string, string>],
  ])('has a %s label for every one of them', (_lang, labels) => {
    expect(actions.filter((a) => !labels[a])).toEqual([]);
  });
});

describe('audit object labels', () => {
  const entities = writtenEntities();

  it('finds the objects the core names', () => {
    expect(entities).toEqual(expect.arrayContaining(['user', 'rotation_plan', 'exam_candidate', 'trainee']));
  });

  // The 对象 column and its filter would otherwise show a table name (rotation_plan) to the reader.
  it.each([
    ['zh-CN', zhCN.audit.entities as Record<string, string>],
    ['en', en.audit.entities as Record<string, string>],
  ])('has a %s label for every one of them', (_lang, labels) => {
    expect(entities.filter((e) => !labels[e])).toEqual([]);
  });
});
