import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/core/api/dispatch';
import { err, ok } from '../../helpers/core';
import { outboxBase } from './helpers';

describe('package build progress', () => {
  it('reports stages while the build runs and the bytes written, ending in done', async () => {
    const { core, session } = await outboxBase({ applicants: 6, attachmentBytes: [200_000, 300_000] });
    const progressId = 'build-0001-progress';
    const seen: string[] = [];
    const build = dispatch(core, session, 'package.build', { kind: 'confirmations', progressId });
    let finished = false;
    void build.then(() => (finished = true));
    while (!finished) {
      const p = await ok(core, session, 'package.buildProgress', { progressId });
      if (p && seen.at(-1) !== p.stage) seen.push(p.stage);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const r = await build;
    expect(r.ok).toBe(true);
    const item = r.ok ? (r.value as { bytes: number }) : null;
    const last = await ok(core, session, 'package.buildProgress', { progressId });
    expect(last).toEqual({ stage: 'done', writtenBytes: item!.bytes, payloadBytes: expect.any(Number) });
    expect(last!.payloadBytes!).toBeGreaterThan(500_000);
    // Stages only move forward.
    const order = ['preparing', 'collecting', 'writing', 'queuing', 'done'];
    expect(seen.map((s) => order.indexOf(s))).toEqual([...seen.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    expect(seen).toContain('writing');
  });

  it('an unknown build has no progress; a failed build says so', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    expect(await ok(core, session, 'package.buildProgress', { progressId: 'nothing-here' })).toBeNull();
    await err(core, session, 'package.build', { kind: 'admissions', progressId: 'build-0002-progress' });
    expect(await ok(core, session, 'package.buildProgress', { progressId: 'build-0002-progress' })).toMatchObject({
      stage: 'failed',
    });
  });
});
