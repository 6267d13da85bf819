import { describe, expect, it } from 'vitest';
import { runPlainStatus } from '../../src/cli/commands/status';
import { plainStatusOptions } from '../../src/cli/plain-status';
import { cli, initBase, withCapturedIo, type CliRun } from '../helpers/cli';
import { tempDir } from '../helpers/core';

/** `argv` as the `basedesk` entry runs a plain status line: without commander, through runPlainStatus. */
async function plain(argv: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const options = plainStatusOptions(argv);
  expect(options, argv.join(' ')).not.toBeNull();
  return withCapturedIo((io) => runPlainStatus(io, options!), { env });
}

/** What a run shows the user, with the per-run station id and folder left as they are (both runs share them). */
const shown = (r: CliRun) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('a plain `basedesk status` line, read without commander', () => {
  it('reads the global options in any order and spelling', () => {
    expect(plainStatusOptions(['status'])).toEqual({});
    expect(plainStatusOptions(['--data-dir', '/d', 'status', '--json'])).toEqual({ dataDir: '/d', json: true });
    expect(plainStatusOptions(['status', '--data-dir=/d', '--user=admin'])).toEqual({ dataDir: '/d', user: 'admin' });
  });

  it('leaves every other line to commander', () => {
    const others = [
      [],
      ['--json'],
      ['status', '--help'],
      ['status', '-h'],
      ['help', 'status'],
      ['status', 'extra'],
      ['status', 'status'],
      ['status', '--json', '--json'],
      ['status', '--json=yes'],
      ['status', '--data-dir'],
      ['status', '--data-dir', '--json'],
      ['status', '--data-dir='],
      ['status', '--data-dir', '/a', '--data-dir', '/b'],
      ['status', '--verbose'],
      ['status', '--', 'x'],
      ['plan', 'show'],
    ];
    for (const argv of others) expect(plainStatusOptions(argv), argv.join(' ')).toBeNull();
  });

  it('prints what the command prints through commander: a new folder, an initialised one, text and JSON', async () => {
    const fresh = tempDir();
    await cli(['--data-dir', fresh, 'status']); // the folder is created by the first run
    expect(shown(await plain(['status', '--data-dir', fresh]))).toEqual(shown(await cli(['status', '--data-dir', fresh])));

    const dir = tempDir();
    expect((await initBase(dir, { BASEDESK_PASSWORD: 'admin-pass-123' })).code).toBe(0);
    for (const argv of [
      ['--data-dir', dir, 'status'],
      ['status', `--data-dir=${dir}`, '--json'],
    ]) {
      const viaCommander = await cli(argv);
      expect(viaCommander.code).toBe(0);
      expect(shown(await plain(argv))).toEqual(shown(viaCommander));
    }
  });

  it('fails the way the command fails through commander: no passphrase, a wrong one, text and JSON', async () => {
    const dir = tempDir();
    await cli(['--data-dir', dir, 'status']);
    const cases: Array<[string[], Record<string, string>]> = [
      [['--data-dir', dir, 'status'], { BASEDESK_DB_PASSPHRASE: '' }],
      [['--data-dir', dir, 'status', '--json'], { BASEDESK_DB_PASSPHRASE: 'not the passphrase 8 owls' }],
      [['--data-dir', dir, 'status'], { BASEDESK_DB_PASSPHRASE: 'not the passphrase 8 owls' }],
    ];
    for (const [argv, env] of cases) {
      const viaCommander = await cli(argv, { env });
      expect(viaCommander.code).toBe(1);
      expect(shown(await plain(argv, env))).toEqual(shown(viaCommander));
    }
  });
});
