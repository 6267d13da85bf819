import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The SQLite driver (better-sqlite3-multiple-ciphers) must be compiled for the ABI of whichever runtime loads it. Tests and the CLI use the
 * Node build in node_modules; Electron loads a separate build made by `npm run rebuild:electron`
 * (stored in resources/native/), passed to the driver through its `nativeBinding` option. The file name differs from the older
 * plain driver's so a stale binary without encryption is never picked up.
 * BASEDESK_SQLITE_BINDING overrides both.
 */
export function electronNativeBinding(appPath: string, resourcesPath: string): string | undefined {
  const candidates = [
    process.env.BASEDESK_SQLITE_BINDING,
    join(resourcesPath, 'native', 'better_sqlite3_mc.electron.node'),
    join(appPath, 'resources', 'native', 'better_sqlite3_mc.electron.node'),
  ].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}
