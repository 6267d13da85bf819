#!/usr/bin/env node
import { runCli } from './program';

// Exit only after stdout drains, so `basedesk ... --json | jq` never sees truncated output.
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Built on first read: making the pipe or TTY stream costs every command start-up time, and most never read it.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
