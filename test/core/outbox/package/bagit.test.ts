import { describe, expect, it } from 'vitest';
import { parseBagInfo, formatBagInfo, type BagInfo } from '../../../../src/core/outbox/package/bag-info';
import {
  bagitDeclarationProblem,
  BAGIT_TXT,
  decodeManifestPath,
  encodeManifestPath,
  formatManifest,
  parseManifest,
  parseTagFile,
} from '../../../../src/core/outbox/package/bagit';
import { unsafePathReason } from '../../../../src/core/outbox/package/paths';

const D = 'a'.repeat(128);

describe('manifest paths (RFC 8493 §2.1.3)', () => {
  it('percent-encodes only CR, LF and %', () => {
    expect(encodeManifestPath('data/a%b\r\n c.txt')).toBe('data/a%25b%0D%0A c.txt');
    expect(decodeManifestPath('data/a%25b%0d%0A c.txt')).toBe('data/a%b\r\n c.txt');
    expect(decodeManifestPath('data/%20x')).toBe('data/%20x');
  });

  it('formats sorted by UTF-8 bytes and parses back', () => {
    const text = formatManifest([
      { path: 'data/b.txt', digest: D },
      { path: 'data/二.txt', digest: D },
      { path: 'data/a b.txt', digest: D },
    ]);
    expect(text).toBe(`${D}  data/a b.txt\n${D}  data/b.txt\n${D}  data/二.txt\n`);
    const parsed = parseManifest(text, 128);
    expect(parsed.ok && [...parsed.entries.keys()]).toEqual(['data/a b.txt', 'data/b.txt', 'data/二.txt']);
  });

  it('rejects malformed lines and duplicates', () => {
    expect(parseManifest('abc  data/x\n', 128)).toMatchObject({ ok: false, line: 1 });
    expect(parseManifest(`${D}  data/x\n${D} data/x\n`, 128)).toMatchObject({ ok: false, line: 2 });
  });
});

describe('tag files', () => {
  it('reads continuation lines', () => {
    expect(parseTagFile('A: one\n  two\nB: three\n')).toEqual({
      ok: true,
      labels: [
        ['A', 'one two'],
        ['B', 'three'],
      ],
    });
  });

  it('checks the bagit.txt declaration', () => {
    expect(bagitDeclarationProblem(BAGIT_TXT)).toBeNull();
    expect(bagitDeclarationProblem('BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n')).toMatch(/1\.0/);
    expect(bagitDeclarationProblem('BagIt-Version: 1.0\n')).not.toBeNull();
  });

  it('bag-info round-trips through format and parse', () => {
    const info: BagInfo = {
      uuid: '0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b',
      baseCode: 'GD-0102',
      baseName: '测试基地',
      kind: 'enrolment',
      cohortYear: 2025,
      schemaVersion: 2,
      sequence: 12,
      baggingDate: '2025-07-01',
      recordCounts: { interviews: 3, applicants: 1000 },
      payloadOxum: { octets: 123456, count: 7 },
    };
    const text = formatBagInfo(info);
    expect(text).toContain('Record-Count: applicants=1000\nRecord-Count: interviews=3\n');
    expect(parseBagInfo(text)).toEqual({ ok: true, info: { ...info, recordCounts: { applicants: 1000, interviews: 3 } } });
    expect(parseBagInfo(text.replace('Sequence-Number: 12\n', 'Sequence-Number: 12\nSequence-Number: 13\n'))).toMatchObject({
      ok: false,
    });
  });
});

describe('archive path safety', () => {
  it.each(['../x', 'data/../../x', '/etc/passwd', 'C:/x', 'c:x', 'data\\x', 'data//x', 'data/./x', '', 'data/\u0000x'])(
    '%j is unsafe',
    (p) => {
      expect(unsafePathReason(p)).not.toBeNull();
    },
  );

  it.each(['bagit.txt', 'data/x.json', 'data/forms/报名表.html', 'data/a..b', 'data/.hidden'])('%j is fine', (p) => {
    expect(unsafePathReason(p)).toBeNull();
  });
});
