#!/usr/bin/env node
import { deriveDbKeyForCommandLine } from './db-key';
import type { CliIo } from './io';
import { plainStatusOptions } from './plain-status';

const argv = process.argv.slice(2);
// The passphrase's scrypt first, on libuv's pool: it runs while commander and the command's code load.
deriveDbKeyForCommandLine(argv, process.env);

const io: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  // Built on first read: making the pipe or TTY stream costs every command start-up time, and most never read it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
};
// A plain `status` line runs without commander (see plain-status.ts); every other line goes through it.
const status = plainStatusOptions(argv);
const run = status
  ? import('./commands/status').then((m) => m.runPlainStatus(io, status))
  : import('./program').then((m) => m.runCli(argv, io));
// Exit only after stdout drains, so `basedesk ... --json | jq` never sees truncated output.
void run.then((code) => {
  process.exitCode = code;
});
