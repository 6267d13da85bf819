import type { Core } from '../context';
import type { ResumeStore } from '../upload/resume-store';
import { isoNow } from '../util/clock';

/** tus resume information in SQLite (outbox_resume), so an app restart continues an upload by offset. */
export function sqliteResumeStore(core: Core): ResumeStore {
  const db = core.db;
  return {
    async get(key) {
      return (await db.selectFrom('outbox_resume').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
    },
    async set(key, value) {
      const now = isoNow(core.clock);
      await db
        .insertInto('outbox_resume')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    },
    async delete(key) {
      await db.deleteFrom('outbox_resume').where('key', '=', key).execute();
    },
    async keys(prefix) {
      const rows = await db.selectFrom('outbox_resume').select('key').execute();
      return rows.map((r) => r.key).filter((k) => k.startsWith(prefix));
    },
  };
}
