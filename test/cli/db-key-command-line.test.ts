import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataDirOption, opensDataFolder } from '../../src/cli/command-line';
import { deriveDbKeyForCommandLine } from '../../src/cli/db-key';
import { openCore } from '../../src/core/open-core';
import { passphraseProtector } from '../../src/core/outbox/key-protector';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/core';

// Counts the passphrase derivations: the one started from the command line must be the one the command uses.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, scrypt: vi.fn(original.scrypt) };
});

const scryptCalls = () => vi.mocked(crypto.scrypt).mock.calls.length;

afterEach(() => {
  vi.mocked(crypto.scrypt).mockClear();
});

/** Runs `argv` as the `basedesk` entry does: the derivation started from the bare command line, then the command. */
async function asEntry(argv: string[], passphrase: string) {
  const env = { BASEDESK_DB_PASSPHRASE: passphrase };
  deriveDbKeyForCommandLine(argv, env);
  return cli(argv, { env });
}

/** A folder sealed with `passphrase` by the core alone (the CLI's in-process key memory knows nothing of it). */
async function sealedFolder(passphrase: string): Promise<string> {
  const dataDir = tempDir();
  const core = await openCore({ dataDir, dbKey: { protector: passphraseProtector(() => passphrase) } });
  await core.close();
  vi.mocked(crypto.scrypt).mockClear();
  return dataDir;
}

describe('reading a command line before commander loads', () => {
  it('finds --data-dir in either spelling, before or after the command, the last one winning', () => {
    expect(dataDirOption(['status', '--data-dir', '/a'])).toBe('/a');
    expect(dataDirOption(['--data-dir=/b', 'status'])).toBe('/b');
    expect(dataDirOption(['--data-dir', '/a', 'status', '--data-dir', '/c'])).toBe('/c');
    expect(dataDirOption(['status', '--', '--data-dir', '/d'])).toBeUndefined();
    expect(dataDirOption(['status'])).toBeUndefined();
  });

  it('tells the commands that open the data folder from help, version and group overviews', () => {
    expect(opensDataFolder(['status'])).toBe(true);
    expect(opensDataFolder(['--data-dir', '/x', '--json', 'status'])).toBe(true);
    expect(opensDataFolder(['applicants', 'import', 'roster.xlsx'])).toBe(true);
    expect(opensDataFolder(['--user', 'admin', 'plan', 'show'])).toBe(true);
    for (const argv of [
      [],
      ['--help'],
      ['--version'],
      ['-V'],
      ['status', '--help'],
      ['help', 'status'],
      ['applicants'],
      ['keys', 'list'],
    ]) {
      expect(opensDataFolder(argv), argv.join(' ')).toBe(false);
    }
  });
});

describe('the database key derivation started from the command line', () => {
  it('an existing folder: `status` runs one scrypt, the one started first, and prints what it always did', async () => {
    const dataDir = await sealedFolder('entry existing 21 gulls');
    const r = await asEntry(['status', '--data-dir', dataDir], 'entry existing 21 gulls');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`尚未初始化（数据目录 ${dataDir}）：请运行 basedesk init\n`);
    expect(scryptCalls()).toBe(1);
  });

  it('a new folder: the key is sealed with the derivation started first (one scrypt), and opens again', async () => {
    const dataDir = tempDir();
    const r = await asEntry(['--data-dir', dataDir, 'status', '--json'], 'entry new 22 swifts');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ initialized: false, dataDir });
    expect(scryptCalls()).toBe(1);
    const core = await openCore({ dataDir, dbKey: { protector: passphraseProtector(() => 'entry new 22 swifts') } });
    expect(core.encrypted).toBe(true);
    await core.close();
  });

  it('a wrong passphrase is refused as before, with its code', async () => {
    const dataDir = await sealedFolder('entry right 23 snipes');
    const r = await asEntry(['--data-dir', dataDir, 'status'], 'entry wrong 23 snipes');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误 [DB_KEY_WRONG]');
    expect(r.stderr).not.toContain('entry wrong 23 snipes');
    expect(scryptCalls()).toBe(1);
  });

  it('starts nothing for a line that does not open the folder', async () => {
    const dataDir = await sealedFolder('entry help 24 plovers');
    deriveDbKeyForCommandLine(['--data-dir', dataDir, 'status', '--help'], { BASEDESK_DB_PASSPHRASE: 'entry help 24 plovers' });
    deriveDbKeyForCommandLine(['--data-dir', dataDir, '--version'], { BASEDESK_DB_PASSPHRASE: 'entry help 24 plovers' });
    expect(scryptCalls()).toBe(0);
  });
});
