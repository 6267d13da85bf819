import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../src/core/open-core';
import { writeCsv } from '../../src/core/testdata';
import { cli, initBase, testDbKey } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { addApplicants, type TestApplicant } from '../core/scores/fixtures';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };
const as = (user: string) => ({ BASEDESK_PASSWORD: `pw-${user}-123` });

async function initialised(name = '吉林大学第一医院'): Promise<string> {
  const dir = tempDir();
  const r = await initBase(dir, env, { baseName: name });
  expect(r.code).toBe(0);
  return dir;
}

async function withApplicants(dir: string, n: number): Promise<TestApplicant[]> {
  const core = await openCore({ dataDir: dir, dbKey: testDbKey() });
  try {
    return await addApplicants(core, n);
  } finally {
    await core.close();
  }
}

describe('basedesk scores / ranking / station', () => {
  it('imports scores with the applicants report shape, refuses a bad file with a non-zero exit, ranks with --json', async () => {
    const dir = await initialised();
    const [a, b, c] = await withApplicants(dir, 3);
    const file = join(tempDir(), 'scores.csv');
    writeFileSync(
      file,
      writeCsv(
        [
          ['姓名', '身份证号', '培训专业', '笔试成绩', '面试成绩', '操作成绩'],
          [a!.name, a!.idNumber, '内科', '85.5', '90', ''],
          [b!.name, b!.idNumber, '内科', '90', '80', ''],
          [c!.name, c!.idNumber, '内科', '缺考', '', ''],
        ],
        { encoding: 'utf-8' },
      ),
    );
    const r = await cli(['--data-dir', dir, '--json', 'scores', 'import', file], { env });
    expect(r.stderr).toBe('');
    expect(r.json()).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: [], applied: true });

    const bad = join(tempDir(), 'bad.csv');
    writeFileSync(
      bad,
      writeCsv(
        [
          ['姓名', '身份证号', '笔试成绩'],
          [a!.name, a!.idNumber, '101'],
        ],
        { encoding: 'utf-8' },
      ),
    );
    const rb = await cli(['--data-dir', dir, '--json', 'scores', 'import', bad], { env });
    expect(rb.code).toBe(1);
    expect(rb.json<{ rejected: Array<{ code: string }> }>().rejected[0]!.code).toBe('SCORE_OUT_OF_RANGE');
    expect(JSON.parse(rb.stderr)).toMatchObject({ error: { code: 'SCORES_IMPORT_REJECTED' } });
    // In words, nothing written never reads as written.
    const refused = await cli(['--data-dir', dir, 'scores', 'import', bad], { env });
    expect(refused.stdout.split('\n')[0]).toBe('未写入：有 1 处问题（见下）；改正后可新增 0，更新 0，未变 0');
    const checked = await cli(['--data-dir', dir, 'scores', 'import', file, '--dry-run'], { env });
    expect(checked.stdout.trimEnd()).toBe('仅检查，未写入：导入后将新增 0，更新 0，未变 3');

    const rk = await cli(['--data-dir', dir, '--json', 'ranking', '--specialty', '0100'], { env });
    const view = rk.json<{
      groups: Array<{
        ranked: Array<{ applicantId: string; rank: number; totalDisplay: string }>;
        unranked: Array<{ status: string }>;
      }>;
    }>();
    expect(view.groups[0]!.ranked.map((x) => [x.applicantId, x.rank, x.totalDisplay])).toEqual([
      [a!.id, 1, '87.30'],
      [b!.id, 2, '86.00'],
    ]);
    expect(view.groups[0]!.unranked).toEqual([expect.objectContaining({ status: 'absent' })]);
  });

  it('session, scores set by three interviewers, sign-off; station export/import between two data dirs', async () => {
    const dir = await initialised();
    const [a] = await withApplicants(dir, 1);
    for (const u of ['head1', 'iv2', 'iv3']) {
      const r = await cli(['--data-dir', dir, 'users', 'add', '--username', u, '--role', 'interviewer'], {
        env: { ...env, BASEDESK_NEW_PASSWORD: `pw-${u}-123` },
      });
      expect(r.code).toBe(0);
    }
    const created = await cli(
      [
        '--data-dir',
        dir,
        '--json',
        'scores',
        'session-create',
        '--name',
        '内科组',
        '--date',
        '2024-07-10',
        '--site',
        '教学楼',
        '--panel',
        'head1,iv2,iv3',
        '--candidates',
        a!.idNumber,
        '--seed',
        '5',
      ],
      { env },
    );
    const sessionId = created.json<{ id: string; seed: number }>().id;
    for (const u of ['head1', 'iv2']) {
      for (const item of ['专业知识', 'reasoning', 'communication', 'professionalism']) {
        const r = await cli(
          [
            '--data-dir',
            dir,
            '--user',
            u,
            '--json',
            'scores',
            'set',
            '--session',
            sessionId,
            '--interviewer',
            u,
            '--candidate',
            a!.idNumber,
            '--item',
            item,
            '--score',
            '20',
          ],
          {
            env: as(u),
          },
        );
        expect(r.stderr).toBe('');
      }
    }
    // iv3 scores on a laptop.
    const sessionFile = join(tempDir(), 'session.json');
    expect(
      (await cli(['--data-dir', dir, 'station', 'export', sessionFile, '--session', sessionId, '--interviewer', 'iv3'], { env }))
        .code,
    ).toBe(0);
    const lap = await initialised('面试官笔记本');
    expect((await cli(['--data-dir', lap, '--json', 'station', 'import', sessionFile], { env })).json()).toMatchObject({
      kind: 'session',
      sessionId,
    });
    for (const item of ['knowledge', 'reasoning', 'communication', 'professionalism']) {
      const r = await cli(
        ['--data-dir', lap, 'scores', 'set', '--session', sessionId, '--candidate', '1', '--item', item, '--score', '23'],
        { env },
      );
      expect(r.stderr).toBe('');
      // The sheet in words: its state and why no panel score shows yet, not their codes.
      expect(r.stdout).toMatch(/^1 号 \S+：评分中\n/);
      expect(r.stdout).toMatch(/ {2}面试成绩：尚未评完$/m);
      expect(r.stdout).not.toMatch(/knowledge|reasoning|communication|professionalism/);
      if (item === 'professionalism') {
        // Every item by its name, in the session's order.
        expect(
          r.stdout
            .split('\n')
            .slice(1, 5)
            .map((l) => l.split('\t')[1]),
        ).toEqual(['专业知识', '临床思维', '沟通能力', '职业素养']);
      }
    }
    const bundle = join(tempDir(), 'bundle.json');
    expect((await cli(['--data-dir', lap, 'station', 'export', bundle], { env })).code).toBe(0);
    const imp = await cli(['--data-dir', dir, '--json', 'station', 'import', bundle], { env });
    expect(imp.json()).toMatchObject({ kind: 'bundle', marksAdded: 4, conflicts: 0 });
    expect((await cli(['--data-dir', dir, '--json', 'station', 'import', bundle], { env })).json()).toMatchObject({
      alreadyImported: true,
    });
    const signed = await cli(
      ['--data-dir', dir, '--user', 'head1', '--json', 'scores', 'signoff', '--session', sessionId, '--candidate', a!.idNumber],
      { env: as('head1') },
    );
    expect(signed.json()).toMatchObject({ state: 'signed', signoff: { version: 1, score: 8400 } });
    const notHead = await cli(
      ['--data-dir', dir, '--user', 'iv2', 'scores', 'signoff', '--session', sessionId, '--candidate', a!.idNumber],
      { env: as('iv2') },
    );
    expect(notHead.code).toBe(1);
    expect(notHead.stderr).toContain('NOT_PANEL_HEAD');
  });
});
