#!/usr/bin/env node
import { runCli } from './program';

// Exit only after stdout drains, so `basedesk ... --json | jq` never sees truncated output.
void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
