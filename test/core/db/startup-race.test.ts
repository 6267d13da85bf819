import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyDbKey } from '../../../src/core/db/cipher';
import { openDatabase } from '../../../src/core/db/open';
import { DB_FILE_NAME, openCore } from '../../../src/core/open-core';
import { passphraseProtector } from '../../../src/core/outbox/key-protector';
import { tempDir, TEST_DB_KEY } from '../../helpers/core';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const CHILD = join(import.meta.dirname, 'open-core.child.ts');
const PASS = 'race test passphrase 5 kites';
const PROCESSES = 4;

type Child = { proc: ChildProcess; lines: AsyncIterator<string> };

function startChild(dataDir: string, cliKey = false): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: ROOT,
    env: { ...process.env, RACE_DB_PASSPHRASE: PASS, RACE_CLI_KEY: cliKey ? '1' : '0' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return { proc, lines: createInterface({ input: proc.stdout! })[Symbol.asyncIterator]() };
}

async function nextLine(child: Child): Promise<string> {
  const r = await child.lines.next();
  return r.done ? '' : r.value;
}

describe('several processes opening a new data folder at once', () => {
  it.each([
    ['the core', false],
    ['the CLI, its scrypt started ahead of the open', true],
  ])(
    'agree on one key and create exactly one station of their own (opened as %s)',
    async (_how, cliKey) => {
      const dataDir = tempDir();
      const children = Array.from({ length: PROCESSES }, () => startChild(dataDir, cliKey));
      // Every process loaded and waiting: then all are released together.
      expect(await Promise.all(children.map(nextLine))).toEqual(Array(PROCESSES).fill('ready'));
      for (const c of children) c.proc.stdin!.end('go\n');
      const results = (await Promise.all(children.map(nextLine))).map((l) => JSON.parse(l) as { stationId?: string });
      await Promise.all(
        children.map((c) => new Promise((ok) => (c.proc.exitCode === null ? c.proc.once('exit', ok) : ok(null)))),
      );

      const ids = new Set(results.map((r) => r.stationId));
      expect(results.every((r) => typeof r.stationId === 'string')).toBe(true);
      expect(ids.size).toBe(1);
      const core = await openCore({ dataDir, dbKey: { protector: passphraseProtector(() => PASS, { logN: 14, r: 8, p: 1 }) } });
      const selves = await core.db.selectFrom('stations').select('id').where('is_self', '=', 1).execute();
      await core.close();
      expect(selves.map((s) => s.id)).toEqual([...ids]);
    },
    120_000,
  );
});

describe('several connections finding a database without its own station', () => {
  it('create exactly one: the check and the insert are one write transaction', async () => {
    const dataDir = tempDir();
    // Migrated but never opened by openCore: the moment every opener looks for its station.
    await (await openDatabase({ file: join(dataDir, DB_FILE_NAME), key: TEST_DB_KEY })).close();
    const cores = await Promise.all([1, 2, 3, 4].map(() => openCore({ dataDir, dbKey: { key: TEST_DB_KEY } })));
    const selves = await cores[0]!.db.selectFrom('stations').select('id').where('is_self', '=', 1).execute();
    expect(new Set(cores.map((c) => c.stationId)).size).toBe(1);
    for (const c of cores) await c.close();
    expect(selves.map((s) => s.id)).toEqual([cores[0]!.stationId]);
  });
});

describe('two connections keying a database file that is still empty', () => {
  // Each process used to pick its own random salt for the new file: the one that read the empty file before
  // the other created it then found "file is not a database", reported as a wrong passphrase.
  it('both read and write it once one of them has created it', () => {
    const file = join(tempDir(), 'new.db');
    const [first, second] = [new Database(file), new Database(file)];
    for (const c of [first, second]) {
      applyDbKey(c, TEST_DB_KEY);
      expect(c.pragma('user_version', { simple: true })).toBe(0); // both have looked at the empty file
    }
    first.exec('CREATE TABLE t (x)');
    first.exec('INSERT INTO t VALUES (1)');
    second.exec('INSERT INTO t VALUES (2)');
    expect(first.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
    first.close();
    second.close();
  });

  it('still opens a file whose salt was chosen at random (databases made before)', () => {
    const file = join(tempDir(), 'old.db');
    const old = new Database(file);
    old.pragma("cipher = 'sqlcipher'");
    old.pragma('legacy = 4');
    old.pragma(`key = "x'${Buffer.from(TEST_DB_KEY).toString('hex')}'"`);
    old.exec('CREATE TABLE t (x); INSERT INTO t VALUES (7)');
    old.close();
    const reopened = new Database(file);
    applyDbKey(reopened, TEST_DB_KEY);
    expect(reopened.prepare('SELECT x FROM t').get()).toEqual({ x: 7 });
    reopened.close();
  });
});
