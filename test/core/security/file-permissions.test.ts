import { chmodSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { freshCore, ok, tempDir } from '../../helpers/core';
import { outboxBase } from '../outbox/helpers';

/** Every directory and file under `root` with its permission bits, e.g. { 'outbox/x.zip': '600' }. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = { '.': (statSync(root).mode & 0o777).toString(8) };
  const walk = (dir: string, rel: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = lstatSync(path);
      out[rel + name] = (st.mode & 0o777).toString(8);
      if (st.isDirectory()) walk(path, `${rel}${name}/`);
    }
  };
  walk(root, '');
  return out;
}

const privateOnly = (m: Record<string, string>) => Object.entries(m).filter(([, mode]) => mode !== '700' && mode !== '600');

describe('files are private to the user', () => {
  it('after init, import, confirm, a migration backup, attachments and a package build: folders 0700, files 0600', async () => {
    const dataDir = join(tempDir(), 'data');
    // An old database first, so opening it takes a pre-migration backup.
    const old = await openDatabase({ file: join(dataDir, 'basedesk.sqlite'), targetVersion: 1 });
    await old.close();
    const { core, session } = await outboxBase({ applicants: 4, attachmentBytes: [2000], dataDir });
    const item = await ok(core, session, 'package.build', { kind: 'confirmations' });
    const usb = tempDir();
    await ok(core, session, 'outbox.export', { uuid: item.uuid, dir: usb });

    const m = modes(dataDir);
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining([
        'basedesk.sqlite',
        'basedesk.sqlite-wal',
        'basedesk.sqlite-shm',
        'backups',
        'attachments',
        `outbox/${item.fileName}`,
      ]),
    );
    expect(Object.keys(m).some((k) => k.startsWith('backups/basedesk-v1-'))).toBe(true);
    expect(privateOnly(m)).toEqual([]);
    expect((statSync(join(usb, item.fileName)).mode & 0o777).toString(8)).toBe('600');
  });

  it('a data folder left readable by others is made private again at start-up', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    await ok(core, session, 'package.build', { kind: 'confirmations' });
    const dataDir = core.dataDir;
    await core.close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'basedesk.sqlite'), 0o644);
    chmodSync(join(dataDir, 'outbox'), 0o755);
    for (const f of readdirSync(join(dataDir, 'outbox'))) chmodSync(join(dataDir, 'outbox', f), 0o644);
    expect(privateOnly(modes(dataDir))).not.toEqual([]);
    await freshCore({ dataDir });
    expect(privateOnly(modes(dataDir))).toEqual([]);
  });
});
