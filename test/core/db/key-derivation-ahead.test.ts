import * as crypto from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliDbKeySource, deriveDbKeyAhead } from '../../../src/cli/db-key';
import type { CliIo } from '../../../src/cli/io';
import { openCore } from '../../../src/core/open-core';
import { passphraseProtector } from '../../../src/core/outbox/key-protector';
import { tempDir } from '../../helpers/core';

// Counts the passphrase derivations: the one started ahead must be the one the open uses.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof crypto>();
  return { ...original, scrypt: vi.fn(original.scrypt) };
});

const scryptCalls = () => vi.mocked(crypto.scrypt).mock.calls.length;

afterEach(() => {
  vi.mocked(crypto.scrypt).mockClear();
});

/** The CLI's streams with the database passphrase in the environment, as `basedesk` runs. */
function cliIo(passphrase: string): CliIo {
  return {
    stdout: new PassThrough(),
    stderr: new PassThrough(),
    stdin: Readable.from(['']),
    env: { BASEDESK_DB_PASSPHRASE: passphrase },
  };
}

/** Opens `dataDir` as the CLI does: the derivation started first, then the open; the core closed again. */
async function openAsCli(dataDir: string, passphrase: string): Promise<void> {
  const io = cliIo(passphrase);
  deriveDbKeyAhead(io, dataDir);
  const core = await openCore({ dataDir, idleMinutes: 0, dbKey: cliDbKeySource(io) });
  await core.close();
}

/** A new folder sealed with `passphrase` by the core alone (no derivation ahead). */
async function sealedFolder(passphrase: string): Promise<string> {
  const dataDir = tempDir();
  const core = await openCore({ dataDir, dbKey: { protector: passphraseProtector(() => passphrase) } });
  await core.close();
  return dataDir;
}

describe("the CLI's database passphrase derivation, started before the folder is opened", () => {
  it('a new folder: the key is sealed with the derivation started ahead (one scrypt), and opens again', async () => {
    const dataDir = tempDir();
    await openAsCli(dataDir, 'ahead new folder 11 larks');
    expect(scryptCalls()).toBe(1);
    const core = await openCore({ dataDir, dbKey: { protector: passphraseProtector(() => 'ahead new folder 11 larks') } });
    expect(core.encrypted).toBe(true);
    await core.close();
  });

  it('an existing folder: the open takes over the derivation started ahead (one scrypt)', async () => {
    const dataDir = await sealedFolder('ahead existing 12 wrens');
    vi.mocked(crypto.scrypt).mockClear();
    await openAsCli(dataDir, 'ahead existing 12 wrens');
    expect(scryptCalls()).toBe(1);
  });

  it('a wrong passphrase is still DB_KEY_WRONG with its message; the right one opens after it', async () => {
    const dataDir = await sealedFolder('ahead right 13 terns');
    await expect(openAsCli(dataDir, 'ahead wrong 13 terns')).rejects.toMatchObject({
      code: 'DB_KEY_WRONG',
      message: expect.stringContaining('数据库口令不正确'),
    });
    await openAsCli(dataDir, 'ahead right 13 terns');
  });

  it('a derivation started for another passphrase is not used: the open derives its own', async () => {
    const dataDir = await sealedFolder('ahead mine 14 rooks');
    deriveDbKeyAhead(cliIo('ahead other 14 rooks'), dataDir);
    vi.mocked(crypto.scrypt).mockClear();
    const core = await openCore({ dataDir, dbKey: cliDbKeySource(cliIo('ahead mine 14 rooks')) });
    await core.close();
    expect(scryptCalls()).toBe(1);
  });

  it('nothing starts without a passphrase in the environment, or for a plain database', async () => {
    deriveDbKeyAhead({ ...cliIo(''), env: {} }, tempDir());
    const plain = tempDir();
    await (await openCore({ dataDir: plain })).close();
    deriveDbKeyAhead(cliIo('ahead plain 15 kites'), plain);
    expect(scryptCalls()).toBe(0);
  });

  it('a malformed key file starts nothing; the open reports it as before', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'basedesk-key.json'), '{ not json');
    deriveDbKeyAhead(cliIo('ahead broken 16 owls'), dataDir);
    expect(scryptCalls()).toBe(0);
    await expect(openCore({ dataDir, dbKey: cliDbKeySource(cliIo('ahead broken 16 owls')) })).rejects.toMatchObject({
      code: 'DB_KEY_FORMAT',
    });
  });

  it('a seal asking for scrypt parameters out of bounds starts nothing, and the open still refuses it (as it did before)', async () => {
    const passphrase = 'ahead bounds 17 cranes';
    const dataDir = await sealedFolder(passphrase);
    const keyFile = join(dataDir, 'basedesk-key.json');
    const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as { seals: Record<string, string> };
    const seal = JSON.parse(stored.seals['passphrase-scrypt']!) as { kdf: { logN: number } };
    seal.kdf.logN = 30; // a gigabyte-scale scrypt, were it run
    stored.seals['passphrase-scrypt'] = JSON.stringify(seal);
    writeFileSync(keyFile, JSON.stringify(stored));
    vi.mocked(crypto.scrypt).mockClear();

    deriveDbKeyAhead(cliIo(passphrase), dataDir);
    expect(scryptCalls()).toBe(0);
    await expect(openCore({ dataDir, dbKey: cliDbKeySource(cliIo(passphrase)) })).rejects.toMatchObject({
      code: 'DB_KEY_WRONG',
    });
    expect(scryptCalls()).toBe(0);
  });
});
