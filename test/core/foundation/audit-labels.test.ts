/**
 * The audit viewer shows each action in words. An action the core writes without a label shows up as a raw
 * code (`rotation.moveBlock`) to the person reading the log, so every action written anywhere in the core
 * needs a label in both languages.
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
