import { join } from 'node:path';

/** The database file in a data folder. */
export const DB_FILE_NAME = 'basedesk.sqlite';

/** The database key's file in a data folder (see db-key.ts). */
export const DB_KEY_FILE_NAME = 'basedesk-key.json';

export function dbKeyFilePath(dataDir: string): string {
  return join(dataDir, DB_KEY_FILE_NAME);
}
