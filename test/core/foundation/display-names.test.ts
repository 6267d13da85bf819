/**
 * Screens and printouts name people by display name (系统管理员), not by login name (admin); the username stays
 * alongside for scripts and the audit.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from '../applicants/helpers';

describe('display names instead of usernames', () => {
  it('names who confirmed on the detail and the receipt, and each person in the audit list', async () => {
    const { core, session } = await setupBase();
    const rows = roster(2, 71, ['社会人']).map((r) => ({ ...r, 第一志愿: '内科' }));
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const list = await ok(core, session, 'applicants.list', { limit: 10 });
    const id = list.applicants[0]!.id;
    await ok(core, session, 'confirm.decide', { targets: [id], decision: 'confirmed', checklistComplete: true });

    const detail = await ok(core, session, 'applicants.get', { id });
    expect(detail).toMatchObject({ decidedBy: ADMIN.username, decidedByName: ADMIN.displayName });
    const receipt = await ok(core, session, 'confirm.receipt', { id });
    expect(receipt.html).toContain(`确认人：${ADMIN.displayName}`);
    expect(receipt.html).not.toContain(`确认人：${ADMIN.username}`);

    const audit = await ok(core, session, 'audit.list', { limit: 50, offset: 0 });
    expect(audit.actors).toContain(ADMIN.username);
    expect(audit.actorNames[ADMIN.username]).toBe(ADMIN.displayName);
  });
});
