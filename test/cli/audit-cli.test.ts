/** `basedesk audit list` as a coordinator reads it. */
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/shared/dates';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };

describe('basedesk audit list', () => {
  it('shows each entry’s time in the Chinese form, local time, not the stored ISO text', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    // One entry both calls see: each call logs in, and its own auth.login would be the newest entry.
    const list = ['--data-dir', dir, 'audit', 'list', '--action', 'base.create'];
    const stored = (await cli([...list, '--json'], { env })).json<{
      events: Array<{ at: string }>;
    }>();
    const at = stored.events[0]!.at;
    const shown = await cli(list, { env });
    expect(shown.code).toBe(0);
    expect(shown.stdout.startsWith(`${formatDateTime(at, true)}\t`)).toBe(true);
    expect(shown.stdout).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}\t/);
    expect(shown.stdout).not.toContain(at);
  });
});
