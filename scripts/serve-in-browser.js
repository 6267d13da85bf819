// The browser fallback of `npm start`: `basedesk serve` in a child process, its URL opened in the system browser.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openBrowser } from './open-browser.js';

const URL_PATTERN = /http:\/\/\S+\?token=[\w-]+/;

/**
 * `npm start` runs this script under `sh -c`; when npm itself is killed, the shell dies without passing the
 * signal on and this process is re-parented. Noticing that is the only way to stop the server then.
 */
function watchForOrphaning(onOrphaned) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) onOrphaned();
  }, 1000);
  timer.unref();
  return timer;
}

/**
 * Runs `basedesk serve` with `args` until it exits, relaying its output and opening the first URL it prints.
 * Resolves with its exit code. SIGINT/SIGTERM sent to this process are passed on, so the server closes the
 * database before it exits; serve ignores the repeat when a terminal's Ctrl+C reached it directly as well.
 */
export function serveInBrowser(root, args, env = process.env) {
  const child = spawn(process.execPath, [join(root, 'bin', 'basedesk.js'), 'serve', ...args], {
    cwd: root,
    env,
    // stdin from the terminal: without BASEDESK_DB_PASSPHRASE, serve asks for the database passphrase there.
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let opened = false;
  // A closed terminal or pipe must not crash this process and orphan the server: its output is then dropped.
  process.stdout.on('error', () => {});
  createInterface({ input: child.stdout }).on('line', (line) => {
    process.stdout.write(`${line}\n`);
    const url = URL_PATTERN.exec(line)?.[0];
    if (url && !opened) {
      opened = true;
      openBrowser(url, process.platform, env);
    }
  });
  const forward = (signal) => {
    // On Windows a console's Ctrl+C already reaches the child, and kill() would end it without cleanup.
    if (process.platform === 'win32' && signal === 'SIGINT') return;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  // Whatever ends this process ends the server too, rather than leaving it running with no one to stop it.
  process.on('exit', () => forward('SIGTERM'));
  const orphanWatch = watchForOrphaning(() => forward('SIGTERM'));
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`错误 [SERVE_START]：无法启动 basedesk serve：${e.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => {
      clearInterval(orphanWatch);
      resolve(code ?? 1);
    });
  });
}
