import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where data lives when no --data-dir is given: the same folder Electron uses as `userData` for an app named
 * BaseDesk, so the CLI and the desktop app see one database by default. BASEDESK_DATA_DIR overrides both.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BASEDESK_DATA_DIR) return env.BASEDESK_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'BaseDesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'BaseDesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'BaseDesk');
}
