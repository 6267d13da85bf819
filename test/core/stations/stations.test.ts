import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { canonicalJson } from '../../../src/core/util/canonical-json';
import { signMinisign, signingKeyFromSeed } from '../../../src/core/crypto';
import { verifyAuditChain } from '../../../src/core/audit/verify';
import { createRng } from '../../../src/core/testdata';
import { ADMIN, addUserAndLogin, err, freshCore, ok, setupBase, tempDir } from '../../helpers/core';
import { addApplicants } from '../scores/fixtures';

const ITEMS = ['knowledge', 'reasoning', 'communication', 'professionalism'];
type FileOut = { fileName: string; contentBase64: string };
const bytesOf = (f: FileOut) => Buffer.from(f.contentBase64, 'base64');
const asFile = (name: string, bytes: Uint8Array | string) => ({
  fileName: name,
  contentBase64: Buffer.from(bytes).toString('base64'),
});

async function coordinator() {
  const dataDir = tempDir();
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { dataDir });
  await addApplicants(core, 3);
  for (const u of ['iv1', 'iv2', 'iv3']) await addUserAndLogin(core, session, u, 'interviewer');
  const s = await ok(core, session, 'interview.createSession', {
    name: '内科组',
    date: '2024-07-10',
    site: '教学楼',
    panel: [{ username: 'iv1', head: true }, { username: 'iv2' }, { username: 'iv3' }],
    candidates: (await core.db.selectFrom('applicants').select('id').execute()).map((a) => a.id),
    seed: 7,
  });
  return { core, session, dataDir, sessionId: s.id };
}

async function laptop(sessionFile: FileOut) {
  const { core, session } = await setupBase('jilin-2024', '面试官笔记本');
  const r = await ok(core, session, 'stations.import', sessionFile);
  expect(r.kind).toBe('session');
  return { core, session };
}

/** The observable merge result: marks, absences and conflicts as the panel head sees them. */
async function state(core: Core, head: string, sessionId: string) {
  const d = await ok(core, head, 'interview.session', { sessionId });
  const marks = await core.db
    .selectFrom('interview_marks')
    .select(['id', 'interviewer', 'item_key', 'value', 'unable', 'supersedes_json'])
    .orderBy('id')
    .execute();
  const absences = await core.db.selectFrom('interview_absences').select(['id', 'candidate_id']).orderBy('id').execute();
  return {
    marks,
    absences,
    sheets: d.candidates.map((c) => ({
      drawNo: c.drawNo,
      absent: c.absent,
      marks: c.marks,
      conflicts: c.conflicts,
      panel: c.panel,
    })),
  };
}

describe('offline stations', () => {
  it('session files are masked; bundles from 3 stations merge to the same scores and conflicts in every order, twice', async () => {
    const co = await coordinator();
    const sf: Record<string, FileOut> = {};
    for (const u of ['iv1', 'iv2', 'iv3'])
      sf[u] = await ok(co.core, co.session, 'stations.exportSession', { sessionId: co.sessionId, interviewer: u });
    const sessionJson = JSON.parse(bytesOf(sf.iv1!).toString('utf8'));
    expect(Object.keys(sessionJson.candidates[0]).sort()).toEqual(['drawNo', 'id', 'name']);
    expect(JSON.stringify(sessionJson)).not.toMatch(/\d{17}[\dX]/);

    // Three laptops score candidates 1-3 (candidate 3 absent, marked on laptop 3), with some edits.
    const rng = createRng(99);
    const bundles: Array<{ name: string; file: FileOut }> = [];
    for (const u of ['iv1', 'iv2', 'iv3']) {
      const lap = await laptop(sf[u]!);
      if (u === 'iv3') await ok(lap.core, lap.session, 'interview.markAbsent', { sessionId: co.sessionId, candidate: '3' });
      for (const cand of ['1', '2']) {
        for (const item of ITEMS)
          await ok(lap.core, lap.session, 'interview.setScore', {
            sessionId: co.sessionId,
            candidate: cand,
            item,
            score: rng.int(10, 25),
          });
      }
      // A laptop may not score for somebody else.
      const other = u === 'iv3' ? 'iv1' : 'iv3';
      expect(
        (
          await err(lap.core, lap.session, 'interview.setScore', {
            sessionId: co.sessionId,
            candidate: '1',
            interviewer: other,
            item: 'knowledge',
            score: 1,
          })
        ).code,
      ).toBe('STATION_OTHER_INTERVIEWER');
      bundles.push({ name: `${u}-a`, file: await ok(lap.core, lap.session, 'stations.exportBundle', {}) });
      if (u === 'iv2') {
        // An edit after the first export: the second bundle carries the whole chain.
        await ok(lap.core, lap.session, 'interview.setScore', {
          sessionId: co.sessionId,
          candidate: '1',
          item: 'knowledge',
          score: '24.5',
        });
        await ok(lap.core, lap.session, 'interview.setScore', {
          sessionId: co.sessionId,
          candidate: '2',
          item: 'reasoning',
          score: '无法评价',
        });
        bundles.push({ name: `${u}-b`, file: await ok(lap.core, lap.session, 'stations.exportBundle', {}) });
      }
    }
    // Meanwhile the coordinator typed iv2's paper sheet for candidate 1 with a different 专业知识 score.
    await ok(co.core, co.session, 'interview.setScore', {
      sessionId: co.sessionId,
      candidate: '1',
      interviewer: 'iv2',
      item: 'knowledge',
      score: '11',
    });
    await co.core.close();

    const orders = permutations(bundles.map((_b, i) => i));
    let reference: unknown = null;
    for (const order of orders) {
      const dir = tempDir();
      copyFileSync(join(co.dataDir, 'basedesk.sqlite'), join(dir, 'basedesk.sqlite'));
      const core = await freshCore({ dataDir: dir });
      const head = 'head';
      await ok(core, head, 'auth.login', { username: 'iv1', password: 'password-iv1' });
      const admin = 'adm';
      await ok(core, admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      for (const i of order) await ok(core, admin, 'stations.import', bundles[i]!.file);
      const once = await state(core, head, co.sessionId);
      for (const i of order)
        expect(await ok(core, admin, 'stations.import', bundles[i]!.file)).toMatchObject({
          alreadyImported: true,
          eventsAdded: 0,
        });
      expect(await state(core, head, co.sessionId)).toEqual(once);
      expect((await verifyAuditChain(core.db)).ok).toBe(true);
      if (reference === null) reference = once;
      else expect(once).toEqual(reference);
    }
    const ref = reference as Awaited<ReturnType<typeof state>>;
    // The paper mark and the laptop's marks for iv2 / candidate 1 / 专业知识 are a visible conflict.
    const c1 = ref.sheets.find((s) => s.drawNo === 1)!;
    expect(c1.conflicts).toHaveLength(1);
    expect(c1.conflicts[0]).toMatchObject({ interviewer: 'iv2', item: 'knowledge' });
    expect(c1.conflicts[0]!.marks.map((m) => m.value).sort()).toEqual([1100, 2450]);
    expect(c1.panel.status).toBe('conflict');
    expect(ref.sheets.find((s) => s.drawNo === 3)!.absent).toBe(true);
    expect(ref.sheets.find((s) => s.drawNo === 2)!.panel.status).toBe('ok');
  }, 120_000);

  it('the head resolves a conflict with a reason, then signs off', async () => {
    const co = await coordinator();
    const sf = await ok(co.core, co.session, 'stations.exportSession', { sessionId: co.sessionId, interviewer: 'iv2' });
    const lap = await laptop(sf);
    await ok(lap.core, lap.session, 'interview.setScore', {
      sessionId: co.sessionId,
      candidate: '1',
      item: 'knowledge',
      score: 20,
    });
    const bundle = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    await ok(co.core, co.session, 'interview.setScore', {
      sessionId: co.sessionId,
      candidate: '1',
      interviewer: 'iv2',
      item: 'knowledge',
      score: 21,
    });
    const rep = await ok(co.core, co.session, 'stations.import', bundle);
    expect(rep).toMatchObject({ kind: 'bundle', marksAdded: 1, conflicts: 1 });
    const head = 'head';
    await ok(co.core, head, 'auth.login', { username: 'iv1', password: 'password-iv1' });
    expect(
      (
        await err(co.core, co.session, 'interview.setScore', {
          sessionId: co.sessionId,
          candidate: '1',
          interviewer: 'iv2',
          item: 'knowledge',
          score: 22,
        })
      ).code,
    ).toBe('SCORE_CONFLICT_UNRESOLVED');
    const r = await ok(co.core, head, 'interview.resolveConflict', {
      sessionId: co.sessionId,
      candidate: '1',
      interviewer: 'iv2',
      item: 'knowledge',
      score: 20,
      reason: '以面试官笔记本记录为准',
    });
    expect(r.conflicts).toEqual([]);
    // Re-importing the same bundle does not bring the conflict back.
    expect(await ok(co.core, co.session, 'stations.import', bundle)).toMatchObject({ alreadyImported: true, conflicts: 0 });
  });

  it('rejects tampered, truncated, unknown-key, wrong-interviewer and newer-version bundles, applying nothing', async () => {
    const co = await coordinator();
    const sf = await ok(co.core, co.session, 'stations.exportSession', { sessionId: co.sessionId, interviewer: 'iv2' });
    const lap = await laptop(sf);
    await ok(lap.core, lap.session, 'interview.setScore', {
      sessionId: co.sessionId,
      candidate: '2',
      item: 'knowledge',
      score: 20,
    });
    const good = await ok(lap.core, lap.session, 'stations.exportBundle', {});
    const text = bytesOf(good).toString('utf8');
    const before = await co.core.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    const outer = JSON.parse(text) as { payload: string };
    const tamperedPayload = outer.payload.replace('\\"value\\":2000', '\\"value\\":2500');
    expect(tamperedPayload).not.toBe(outer.payload);
    const tampered = JSON.stringify({ ...outer, payload: tamperedPayload });
    expect((await err(co.core, co.session, 'stations.import', asFile('t.json', tampered))).code).toBe('BUNDLE_SIGNATURE_INVALID');
    expect((await err(co.core, co.session, 'stations.import', asFile('t.json', text.slice(0, text.length - 40)))).code).toBe(
      'BUNDLE_TRUNCATED',
    );

    // A laptop prepared by another coordinator: its key is not registered here.
    const other = await coordinator();
    const otherLap = await laptop(
      await ok(other.core, other.session, 'stations.exportSession', { sessionId: other.sessionId, interviewer: 'iv2' }),
    );
    await ok(otherLap.core, otherLap.session, 'interview.setScore', {
      sessionId: other.sessionId,
      candidate: '1',
      item: 'knowledge',
      score: 20,
    });
    const foreign = await ok(otherLap.core, otherLap.session, 'stations.exportBundle', {});
    expect((await err(co.core, co.session, 'stations.import', foreign)).code).toBe('STATION_KEY_UNKNOWN');

    // Re-signed with the registered key but claiming another interviewer / a newer schema.
    const key = JSON.parse(bytesOf(sf).toString('utf8')).key as { keyId: string; publicKey: string; secretKey: string };
    const sk = signingKeyFromSeed(Buffer.from(key.keyId, 'base64'), Buffer.from(key.secretKey, 'base64'));
    const resign = (mutate: (p: Record<string, unknown>) => void) => {
      const payload = JSON.parse(JSON.parse(text).payload) as Record<string, unknown>;
      mutate(payload);
      const body = canonicalJson(payload);
      return asFile(
        'x.json',
        JSON.stringify({
          kind: 'basedesk.station-bundle',
          payload: body,
          signature: signMinisign(Buffer.from(body), sk, { trustedComment: 'x' }),
        }),
      );
    };
    expect(
      (
        await err(
          co.core,
          co.session,
          'stations.import',
          resign((p) => (p.interviewer = 'iv3')),
        )
      ).code,
    ).toBe('STATION_KEY_MISMATCH');
    expect(
      (
        await err(
          co.core,
          co.session,
          'stations.import',
          resign((p) => (p.schemaVersion = 999)),
        )
      ).code,
    ).toBe('BUNDLE_NEWER_VERSION');
    expect(
      (
        await err(
          co.core,
          co.session,
          'stations.import',
          resign((p) => (p.events as unknown[]).splice(0, 1)),
        )
      ).code,
    ).toBe('BUNDLE_CHAIN_BROKEN');

    const after = await co.core.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await co.core.db.selectFrom('interview_marks').selectAll().execute()).toEqual([]);
    expect(await ok(co.core, co.session, 'stations.import', good)).toMatchObject({ marksAdded: 1 });
  });
});

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}
