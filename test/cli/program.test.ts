import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandWord } from '../../src/cli/program';
import type { CliIo } from '../../src/cli/io';
import { cli } from '../helpers/cli';

function quietIo(): CliIo {
  return { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from(['']), env: {} };
}

describe('basedesk command tree', () => {
  it('lists every command in the overview exactly as the loaded commands describe themselves', async () => {
    const full = (await buildProgram(quietIo())).helpInformation();
    const overview = await cli(['--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toBe(full);
    expect((await cli([])).stderr).toContain(full);
  });

  it('loads, for a command word, a tree that holds that command with all its subcommands', async () => {
    const full = await buildProgram(quietIo());
    for (const command of full.commands) {
      const name = command.name();
      if (name === 'help') continue;
      const partial = await buildProgram(quietIo(), ['--json', name]);
      const loaded = partial.commands.find((c) => c.name() === name);
      expect(loaded?.helpInformation(), name).toBe(command.helpInformation());
    }
  });

  it('prints the package version for --version and -V', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('finds the command word past global options and their values', () => {
    expect(commandWord(['--data-dir', 'status', 'plan', 'show'])).toBe('plan');
    expect(commandWord(['--user', 'admin', '--json', 'status'])).toBe('status');
    expect(commandWord(['help', 'keys'])).toBe('keys');
    expect(commandWord(['--json', '--help'])).toBeUndefined();
  });

  it('still answers an unknown command as a usage error naming it', async () => {
    const r = await cli(['no-such-command']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-command');
  });
});
