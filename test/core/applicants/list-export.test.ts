import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addUserAndLogin, err, ok, setupBase } from '../../helpers/core';
import { csvFile, roster } from './helpers';

async function readBack(b64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as never);
  return wb.worksheets[0]!;
}

describe('报名人员 export', () => {
  it('exports the current filter and sort, numbered in number cells, IDs masked for a clerk', async () => {
    const { core, session } = await setupBase();
    const rows = roster(15, 21);
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    const all = (await ok(core, clerk, 'applicants.list', { limit: 100, sort: 'name', dir: 'desc' })).applicants;
    await ok(core, clerk, 'confirm.decide', { targets: [all[0]!.id, all[1]!.id], decision: 'returned', reason: '缺证书' });

    const x = await ok(core, clerk, 'applicants.export', { status: 'returned', sort: 'name', dir: 'desc' });
    expect(x.fileName).toBe('报名人员-2024-吉林大学第一医院.xlsx');
    const ws = await readBack(x.contentBase64);
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).getCell(1).value).toBe('序号');
    expect(ws.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect([ws.getRow(2).getCell(2).value, ws.getRow(3).getCell(2).value]).toEqual([all[0]!.name, all[1]!.name]);
    for (const r of [2, 3]) expect(String(ws.getRow(r).getCell(3).value)).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(ws.getRow(2).getCell(9).value).toBe('退回补正');
    expect((await err(core, clerk, 'applicants.export', { reveal: true })).code).toBe('FORBIDDEN');
  });

  it('a revealing export by an allowed role carries full numbers and is audited', async () => {
    const { core, session } = await setupBase();
    const rows = roster(3, 22);
    await ok(core, session, 'applicants.commitImport', csvFile(rows));
    const x = await ok(core, session, 'applicants.export', { reveal: true });
    const ws = await readBack(x.contentBase64);
    const ids = [2, 3, 4].map((r) => String(ws.getRow(r).getCell(3).value));
    expect(ids.sort()).toEqual(rows.map((r) => r.证件号码).sort());
    const ev = await core.db.selectFrom('events').selectAll().where('action', '=', 'applicant.reveal-export').execute();
    expect(ev).toHaveLength(1);
    expect(JSON.stringify(ev[0])).not.toContain(rows[0]!.证件号码);
  });
});
