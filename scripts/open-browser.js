// Opening a URL in the system browser, best effort: a machine without one still has the printed URL.
import { spawn } from 'node:child_process';

/** The command that opens `url`, or null where there is no browser to open (headless Linux, BROWSER=none). */
export function browserOpener(url, platform = process.platform, env = process.env) {
  // BROWSER=none is the convention development tools share for "never open a browser".
  if (env.BROWSER === 'none') return null;
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is built into cmd; its first quoted argument is a window title, hence the empty one.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { command: 'xdg-open', args: [url] };
}

/** Starts the opener detached and forgets it; a missing opener is skipped quietly. */
export function openBrowser(url, platform = process.platform, env = process.env) {
  const opener = browserOpener(url, platform, env);
  if (!opener) return;
  try {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsHide: true, env });
    child.on('error', () => {});
    child.unref();
  } catch {
    // spawn can throw synchronously (e.g. EACCES on the opener): nothing to open, the URL is printed anyway.
  }
}
