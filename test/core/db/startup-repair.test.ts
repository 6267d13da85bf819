import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { checkDatabase, type DbCheckReport } from '../../../src/core/db/check';
import { LATEST_SCHEMA_VERSION } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { openCore } from '../../../src/core/open-core';
import { ADMIN, ok, setupBase, tempDir, TEST_DB_KEY } from '../../helpers/core';

describe('start-up with several processes', () => {
  it('three connections opening an old database at once: one migrates, all open at the latest version', async () => {
    const dir = tempDir();
    const file = join(dir, 'basedesk.sqlite');
    const old = await openDatabase({ file, targetVersion: 4 });
    await old.close();
    const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ file, log: () => {} })));
    expect(opened.map((o) => o.schemaVersion)).toEqual([LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION, LATEST_SCHEMA_VERSION]);
    for (const o of opened) await o.close();
    const again = await openDatabase({ file });
    expect(checkDatabase(again.raw).ok).toBe(true);
    await again.close();
  }, 60_000);
});

describe('db check on a damaged database', () => {
  it('reports the damaged pages of an encrypted database instead of an internal error', async () => {
    const dataDir = tempDir();
    const { core } = await setupBase('jilin-2024', '吉林大学第一医院', { dataDir });
    core.raw.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, v TEXT)');
    const ins = core.raw.prepare('INSERT INTO filler (v) VALUES (?)');
    core.raw.transaction(() => {
      for (let i = 0; i < 3000; i++) ins.run(`${'填充'.repeat(40)}${i}`);
    })();
    const pages = (
      core.raw.prepare("SELECT pageno FROM dbstat WHERE name = 'filler' ORDER BY pageno").all() as Array<{ pageno: number }>
    ).map((r) => r.pageno);
    // Read here: an encrypted file's header is ciphertext.
    const pageSize = core.raw.pragma('page_size', { simple: true }) as number;
    await core.close();
    const file = join(dataDir, 'basedesk.sqlite');
    const bytes = readFileSync(file);
    for (const p of pages.slice(pages.length >> 2, pages.length >> 1)) bytes.fill(0x55, (p - 1) * pageSize, p * pageSize);
    // A quarter of the table's pages overwritten: the header, the schema and the users table stay readable.
    writeFileSync(file, bytes);

    const reopened = await openCore({ dataDir, log: () => {}, dbKey: { key: TEST_DB_KEY } });
    try {
      await ok(reopened, 's', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const r = await dispatch(reopened, 's', 'db.check', {});
      // Encrypted pages that fail their authentication check are reported page by page (the CLI's db check
      // then exits with DB_CHECK_FAILED and the restore advice), never as an internal error.
      expect(r.ok).toBe(true);
      const report = (r.ok ? r.value : null) as DbCheckReport;
      expect(report.ok).toBe(false);
      expect(report.integrity.join('\n')).toMatch(/page \d+: unable to get the page/);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});

describe('files written under a temporary name', () => {
  it('the pre-migration backup is complete under its final name, and old leftovers are removed at start-up', async () => {
    const dir = tempDir();
    const file = join(dir, 'basedesk.sqlite');
    const old = await openDatabase({ file, targetVersion: 1 });
    await old.close();
    const hourAgo = (Date.now() - 2 * 3600 * 1000) / 1000;
    const leftovers = {
      backups: 'basedesk-v1-2026.sqlite.1234.part',
      outbox: '.0190a0b0-c0d0-7e0f-8a1b-2c3d4e5f6a7b.zip.abcdef.part',
      attachments: `${'a'.repeat(64)}.4321.tmp`,
      tmp: 'received-0123456789abcdef',
    };
    for (const [sub, name] of Object.entries(leftovers)) {
      mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, sub, name), 'half');
      utimesSync(join(dir, sub, name), hourAgo, hourAgo);
    }
    // Something another running process is writing right now is not touched.
    writeFileSync(join(dir, 'outbox', '.fresh.zip.123456.part'), 'being written');
    const db = await openDatabase({ file, log: () => {} });
    expect(readdirSync(join(dir, 'backups'))).toEqual([expect.stringMatching(/^basedesk-v1-.*\.sqlite$/)]);
    expect(readdirSync(join(dir, 'outbox'))).toEqual(['.fresh.zip.123456.part']);
    expect(readdirSync(join(dir, 'attachments'))).toEqual([]);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    await db.close();
  });
});
