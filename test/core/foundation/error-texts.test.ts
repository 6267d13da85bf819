/**
 * English mode words every error by its code. A code the core, a transport (CLI, HTTP, IPC) or the renderer's
 * client can raise without an English text would show the core's Chinese message to an English reader, so
 * every raised code needs one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errors, errorsDetailed } from '../../../src/renderer/src/i18n/en/errors';
import { detailParams } from '../../../src/shared/errors';

const SRC = join(import.meta.dirname, '../../../src');
const CODE = String.raw`'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)'`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'i18n'
        ? []
        : sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/** Where a `code: '…'` literal is an error's code (not, say, a status value). */
const ERROR_OBJECT_PLACES = [
  'http/',
  'main/',
  'cli/',
  'renderer/src/api/',
  'core/api/',
  'core/upload/',
  'core/outbox/',
  'core/scores/rules/',
  'core/rotation/rules/shift.ts',
  'core/audit/verify.ts',
  'core/plan/parse.ts',
];

const PATTERNS: { where: (file: string) => boolean; re: RegExp }[] = [
  // new AppError('CODE', …), and the helpers that build one from a code: bad(), format(), fail(), failed().
  { where: () => true, re: new RegExp(String.raw`(?:AppError|\bbad|\bformat|\bfail|\bfailed)\(\s*${CODE}`, 'g') },
  // error objects built by hand in the transports, and coded results the core turns into errors.
  { where: (f) => ERROR_OBJECT_PLACES.some((p) => f.startsWith(p)), re: new RegExp(String.raw`\bcode: ${CODE}`, 'g') },
  { where: () => true, re: new RegExp(String.raw`\?\? ${CODE}`, 'g') },
  // the age decryption codes and the package verification codes, declared as constants and a union.
  { where: (f) => f.endsWith('crypto/age/errors.ts'), re: new RegExp(String.raw`: ${CODE},`, 'g') },
  { where: (f) => f.endsWith('package/verify.ts'), re: new RegExp(String.raw`\| ${CODE}`, 'g') },
];

function raisedCodes(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    const rel = relative(SRC, file).replaceAll('\\', '/');
    const text = readFileSync(file, 'utf8');
    for (const { where, re } of PATTERNS) {
      if (!where(rel)) continue;
      for (const m of text.matchAll(re)) found.add(m[1]!);
    }
  }
  return [...found].sort();
}

describe('error texts', () => {
  const codes = raisedCodes();

  it('finds the codes raised across the core and the transports', () => {
    expect(codes.length).toBeGreaterThan(300);
    expect(codes).toEqual(
      expect.arrayContaining(['INVALID_INPUT', 'FORBIDDEN', 'HTTP_TOKEN', 'TRANSPORT_OFFLINE', 'AGE_NO_MATCH', 'BAG_OXUM']),
    );
    expect(codes).toEqual(expect.arrayContaining(['ROTATION_SHIFT_PAST_END', 'SCORE_OUT_OF_RANGE', 'USAGE']));
  });

  it('has an English text for every one of them', () => {
    expect(codes.filter((c) => !errors[c])).toEqual([]);
  });

  it('has a plain English text behind every detailed one, for errors whose details lack a value', () => {
    expect(Object.keys(errorsDetailed).filter((c) => !errors[c])).toEqual([]);
  });

  it('words messages, not codes', () => {
    expect(Object.entries(errors).filter(([, text]) => /\b[A-Z]+_[A-Z_]+\b/.test(text))).toEqual([]);
  });

  it('names the specifics only when the details carry them all', () => {
    const template = errorsDetailed.FILE_TOO_MANY_ROWS!;
    expect(detailParams(template, { fileName: '报名.xlsx', sheet: 'Sheet1', maxRows: 100000 })).toEqual({
      fileName: '报名.xlsx',
      sheet: 'Sheet1',
      maxRows: 100000,
    });
    // A throw site without the sheet falls back to the plain text rather than showing "{{sheet}}".
    expect(detailParams(template, { fileName: '报名.xlsx' })).toBeNull();
    expect(detailParams(errorsDetailed.PLAN_QUOTA_NEGATIVE!, {})).toBeNull();
  });
});
