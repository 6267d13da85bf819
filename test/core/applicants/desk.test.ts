import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/context';
import { pinyinInitials } from '../../../src/core/identity';
import { err, ok, addUserAndLogin, setupBase } from '../../helpers/core';
import { csvFile, roster, toB64 } from './helpers';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
const PDF = Buffer.from('%PDF-1.7\n% scan\n');

async function withRoster(n = 40, seed = 31) {
  const { core, session } = await setupBase();
  const rows = roster(n, seed);
  await ok(core, session, 'applicants.commitImport', csvFile(rows));
  const list = await ok(core, session, 'applicants.list', { limit: 1000 });
  const byName = (name: string) => list.applicants.find((a) => a.name === name)!;
  return { core, session, rows, list, byName };
}

async function events(core: Core, action: string) {
  return core.db.selectFrom('events').selectAll().where('action', '=', action).execute();
}

const ALL_PRESENT = {
  id_card: 'original',
  diplomas: 'original',
  degrees: 'copy',
  qualification: 'original',
  practising: 'original',
  employment_contract: 'original',
  employer_consent: 'original',
  reduction: 'original',
  oriented_agreement: 'original',
  photo: 'copy',
} as const;

describe('search at the desk', () => {
  it('finds by ID prefix, full ID, name, pinyin initials and phone; results are masked', async () => {
    const { core, session, rows } = await withRoster();
    const p = rows[17]!;
    const byId = await ok(core, session, 'applicants.search', { query: p.证件号码.slice(0, 10) });
    expect(byId.results.map((r) => r.name)).toContain(p.姓名);
    const full = await ok(core, session, 'applicants.search', { query: p.证件号码.toLowerCase() });
    expect(full.results[0]!.name).toBe(p.姓名);
    expect(full.results[0]!.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect((await ok(core, session, 'applicants.search', { query: p.姓名 })).results[0]!.name).toBe(p.姓名);
    const initials = await ok(core, session, 'applicants.search', { query: pinyinInitials(p.姓名).toUpperCase() });
    expect(initials.kind).toBe('initials');
    expect(initials.results.map((r) => r.name)).toContain(p.姓名);
    const phone = await ok(core, session, 'applicants.search', { query: p.手机号码.slice(0, 7) });
    expect(phone.results.map((r) => r.name)).toContain(p.姓名);
    expect(phone.results.every((r) => r.phone === null || /\*{4}/.test(r.phone))).toBe(true);
    expect((await ok(core, session, 'applicants.search', { query: '  ' })).results).toEqual([]);
  });

  it('list filters by status and specialty', async () => {
    const { core, session, list } = await withRoster();
    const first = list.applicants[0]!;
    await ok(core, session, 'confirm.decide', { targets: [first.id], decision: 'returned', reason: '缺学位证' });
    expect((await ok(core, session, 'applicants.list', { status: 'returned' })).total).toBe(1);
    const spec = await ok(core, session, 'applicants.list', { specialty: first.choices[0]!, limit: 1000 });
    expect(spec.applicants.every((a) => a.choices.includes(first.choices[0]!))).toBe(true);
    expect(spec.total).toBeGreaterThan(0);
  });
});

describe('checklist and decisions', () => {
  it('checklist follows the category: 单位人 needs contract and employer consent, 社会人 does not', async () => {
    const { core, session, rows, byName } = await withRoster();
    const unit = byName(rows.find((r) => r.人员类型 === '单位人')!.姓名);
    const social = byName(rows.find((r) => r.人员类型 === '社会人')!.姓名);
    const u = await ok(core, session, 'applicants.get', { id: unit.id });
    const s = await ok(core, session, 'applicants.get', { id: social.id });
    const state = (d: typeof u, key: string) => d.checklist.find((i) => i.key === key)!;
    expect(state(u, 'employment_contract')).toMatchObject({ required: true, state: 'missing' });
    expect(state(u, 'employer_consent')).toMatchObject({ required: true, state: 'missing' });
    expect(state(s, 'employment_contract')).toMatchObject({ required: false, state: 'na' });
    expect(state(s, 'id_card')).toMatchObject({ required: true, state: 'missing' });
  });

  it('确认通过 needs every required document; 退回补正 and 不予确认 need a reason', async () => {
    const { core, session, list } = await withRoster();
    const a = list.applicants[0]!;
    const missing = await err(core, session, 'confirm.decide', {
      targets: [a.id],
      decision: 'confirmed',
      checklist: { id_card: 'original' },
    });
    expect(missing.code).toBe('CONFIRM_DOCUMENTS_MISSING');
    expect((await err(core, session, 'confirm.decide', { targets: [a.id], decision: 'returned' })).code).toBe(
      'CONFIRM_REASON_REQUIRED',
    );
    expect((await err(core, session, 'confirm.decide', { targets: [a.id], decision: 'rejected', reason: '  ' })).code).toBe(
      'CONFIRM_REASON_REQUIRED',
    );
    const done = await ok(core, session, 'confirm.decide', { targets: [a.id], decision: 'confirmed', checklist: ALL_PRESENT });
    expect(done.decided[0]!.confirmation).toBe('confirmed');
    const again = await err(core, session, 'confirm.decide', { targets: [a.id], decision: 'rejected', reason: 'x' });
    expect(again.code).toBe('CONFIRM_ALREADY_DECIDED');
    const ev = await events(core, 'confirm.decide');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.entity_id).toBe(a.id);
  });

  it('a returned applicant can come back and be confirmed; reopening needs a reason and is audited', async () => {
    const { core, session, list } = await withRoster();
    const a = list.applicants[1]!;
    await ok(core, session, 'confirm.decide', { targets: [a.id], decision: 'returned', reason: '缺少单位同意报考证明' });
    await ok(core, session, 'confirm.decide', { targets: [a.id], decision: 'confirmed', checklist: ALL_PRESENT });
    expect((await err(core, session, 'confirm.reopen', { id: a.id, reason: '' })).code).toBe('INVALID_INPUT');
    const reopened = await ok(core, session, 'confirm.reopen', { id: a.id, reason: '误点了确认通过' });
    expect(reopened.confirmation).toBe('pending');
    const ev = await events(core, 'confirm.reopen');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.reason).toBe('误点了确认通过');
    expect(JSON.parse(ev[0]!.before_json!)).toMatchObject({ status: 'confirmed' });
    expect((await err(core, session, 'confirm.reopen', { id: a.id, reason: '再来' })).code).toBe('CONFIRM_NOT_DECIDED');
  });

  it('decides several ID numbers at once, all or nothing', async () => {
    const { core, session, rows } = await withRoster();
    const ids = [rows[0]!.证件号码, rows[1]!.证件号码];
    const bad = await err(core, session, 'confirm.decide', {
      targets: [...ids, '11010519491231002X'],
      decision: 'rejected',
      reason: '不符合条件',
    });
    expect(bad.code).toBe('APPLICANT_NOT_FOUND');
    expect(bad.message).toContain('110105********002X');
    expect((await ok(core, session, 'applicants.list', { status: 'rejected' })).total).toBe(0);
    const r = await ok(core, session, 'confirm.decide', { targets: ids, decision: 'rejected', reason: '不符合条件' });
    expect(r.decided).toHaveLength(2);
  });

  it('the receipt is HTML with masked ID and phone and the outcome', async () => {
    const { core, session, rows, byName } = await withRoster();
    const p = rows[2]!;
    const a = byName(p.姓名);
    expect((await err(core, session, 'confirm.receipt', { id: a.id })).code).toBe('CONFIRM_NOT_DECIDED');
    await ok(core, session, 'confirm.decide', { targets: [a.id], decision: 'returned', reason: '学位证书原件未带' });
    const { html } = await ok(core, session, 'confirm.receipt', { id: a.id });
    expect(html).toContain('现场确认回执');
    expect(html).toContain(p.姓名);
    expect(html).toContain(`${p.证件号码.slice(0, 6)}********${p.证件号码.slice(14)}`);
    expect(html).not.toContain(p.证件号码);
    expect(html).not.toContain(p.手机号码);
    expect(html).toContain('退回补正');
    expect(html).toContain('学位证书原件未带');
  });

  it('dashboard: per outcome, per day, per specialty, waiting', async () => {
    const { core, session, list } = await withRoster(20);
    const [a, b, c] = list.applicants;
    await ok(core, session, 'confirm.decide', { targets: [a!.id], decision: 'confirmed', checklistComplete: true });
    await ok(core, session, 'confirm.decide', { targets: [b!.id], decision: 'returned', reason: 'r' });
    await ok(core, session, 'confirm.decide', { targets: [c!.id], decision: 'rejected', reason: 'r' });
    const d = await ok(core, session, 'confirm.dashboard', {});
    expect(d).toMatchObject({ total: 20, waiting: 17, byOutcome: { pending: 17, confirmed: 1, returned: 1, rejected: 1 } });
    expect(d.perDay).toHaveLength(1);
    expect(d.perDay[0]).toMatchObject({ confirmed: 1, returned: 1, rejected: 1 });
    expect(d.perSpecialty.reduce((s, x) => s + x.total, 0)).toBe(20);
  });
});

describe('the applicant record', () => {
  it('education and clinical work rows, reduction request: stored, shown, audited; the checklist follows', async () => {
    const { core, session, list } = await withRoster(3);
    const a = list.applicants[0]!;
    const education = [
      { level: '本科', degree: '学士', school: '某医科大学', major: '临床医学', from: '2012-09', to: '2017-07', fullTime: true },
      {
        level: '硕士研究生',
        degree: '临床医学硕士（专业学位）',
        school: '某医科大学',
        major: '内科学',
        from: '2017-09',
        to: '2020-07',
        fullTime: true,
      },
    ];
    const work = [
      {
        hospital: '某市第一人民医院',
        grade: '三级甲等',
        department: '心内科',
        from: '2020-08',
        to: '2024-06',
        title: '住院医师',
        referee: '王主任',
      },
    ];
    const d = await ok(core, session, 'applicants.update', { id: a.id, education, work, reductionYears: 1, reason: '现场补充' });
    expect(d.education).toEqual(education);
    expect(d.work).toEqual(work);
    expect(d.reductionYears).toBe(1);
    expect(d.checklist.find((i) => i.key === 'reduction')).toMatchObject({ required: true, state: 'missing' });
    expect(d.checklist.find((i) => i.key === 'diplomas')!.label).toContain('各阶段');
    const ev = await events(core, 'applicant.edit');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.reason).toBe('现场补充');
    // Nothing changed: no new event.
    await ok(core, session, 'applicants.update', { id: a.id, education });
    expect(await events(core, 'applicant.edit')).toHaveLength(1);
  });
});

describe('scans', () => {
  it('stores JPEG/PNG/PDF content-addressed outside SQLite; ID-card images are sensitive', async () => {
    const { core, session, list } = await withRoster(5);
    const a = list.applicants[0]!;
    const png = await ok(core, session, 'attachments.add', {
      applicantId: a.id,
      itemKey: 'id_card',
      fileName: '身份证.png',
      contentBase64: toB64(PNG),
    });
    expect(png).toMatchObject({ mime: 'image/png', sensitive: true, size: PNG.length });
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(existsSync(join(core.dataDir, 'attachments', png.sha256))).toBe(true);
    const pdf = await ok(core, session, 'attachments.add', {
      applicantId: a.id,
      itemKey: 'diplomas',
      fileName: 'x.pdf',
      contentBase64: toB64(PDF),
    });
    expect(pdf).toMatchObject({ mime: 'application/pdf', sensitive: false });
    const photo = await ok(core, session, 'attachments.add', {
      applicantId: a.id,
      itemKey: 'photo',
      fileName: 'p.jpg',
      contentBase64: toB64(JPEG),
    });
    expect((await ok(core, session, 'applicants.get', { id: a.id })).photoSha256).toBe(photo.sha256);
    const back = await ok(core, session, 'attachments.get', { id: png.id });
    expect(Buffer.from(back.contentBase64, 'base64').equals(PNG)).toBe(true);
    expect(await events(core, 'attachment.view')).toHaveLength(1);
  });

  it('an image that is not an image, a wrong type or an empty file is refused and nothing is written', async () => {
    const { core, session, list } = await withRoster(3);
    const a = list.applicants[0]!;
    const cases: Array<[string, Buffer, string]> = [
      ['照片.jpg', Buffer.from('this is not a picture'), 'ATTACHMENT_NOT_IMAGE'],
      ['scan.png', PDF.subarray(0, 3), 'ATTACHMENT_NOT_IMAGE'],
      ['a.docx', Buffer.from('PK\u0003\u0004...'), 'ATTACHMENT_TYPE'],
      ['empty.pdf', Buffer.alloc(0), 'ATTACHMENT_EMPTY'],
      ['big.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), 'ATTACHMENT_TOO_LARGE'],
    ];
    for (const [fileName, bytes, code] of cases) {
      const e = await err(core, session, 'attachments.add', {
        applicantId: a.id,
        itemKey: 'photo',
        fileName,
        contentBase64: toB64(bytes),
      });
      expect(e.code).toBe(code);
    }
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    expect(existsSync(join(core.dataDir, 'attachments'))).toBe(false);
    expect(await core.db.selectFrom('applicant_attachments').selectAll().execute()).toEqual([]);
  });
});

describe('privacy', () => {
  it('lists are masked; reveal is a permission of admin and coordinator and every reveal is audited', async () => {
    const { core, session, rows, byName } = await withRoster(5);
    const p = rows[0]!;
    const a = byName(p.姓名);
    expect(a.idNumber).not.toBe(p.证件号码);
    const revealed = await ok(core, session, 'applicants.reveal', { id: a.id });
    expect(revealed).toEqual({ idNumber: p.证件号码, phone: p.手机号码 });
    expect(await events(core, 'applicant.reveal')).toHaveLength(1);
    const full = await ok(core, session, 'applicants.list', { reveal: true });
    expect(full.applicants.map((x) => x.idNumber)).toContain(p.证件号码);
    expect(await events(core, 'applicant.reveal-list')).toHaveLength(1);

    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'applicants.reveal', { id: a.id })).code).toBe('FORBIDDEN');
    expect((await err(core, clerk, 'applicants.list', { reveal: true })).code).toBe('FORBIDDEN');
    expect((await ok(core, clerk, 'applicants.list', {})).total).toBe(5);
    const coordinator = await addUserAndLogin(core, session, 'coord1', 'coordinator');
    expect((await ok(core, coordinator, 'applicants.reveal', { id: a.id })).idNumber).toBe(p.证件号码);
    const interviewer = await addUserAndLogin(core, session, 'iv1', 'interviewer');
    expect((await err(core, interviewer, 'applicants.list', {})).code).toBe('FORBIDDEN');
  });

  it('a clerk cannot view an ID-card scan (sensitive) but can view other scans', async () => {
    const { core, session, list } = await withRoster(2);
    const a = list.applicants[0]!;
    const idCard = await ok(core, session, 'attachments.add', {
      applicantId: a.id,
      itemKey: 'id_card',
      fileName: 'id.jpg',
      contentBase64: toB64(JPEG),
    });
    const diploma = await ok(core, session, 'attachments.add', {
      applicantId: a.id,
      itemKey: 'diplomas',
      fileName: 'd.jpg',
      contentBase64: toB64(JPEG),
    });
    expect(idCard.sha256).toBe(diploma.sha256);
    const clerk = await addUserAndLogin(core, session, 'clerk2', 'clerk');
    expect((await err(core, clerk, 'attachments.get', { id: idCard.id })).code).toBe('FORBIDDEN');
    expect((await ok(core, clerk, 'attachments.get', { id: diploma.id })).mime).toBe('image/jpeg');
  });
});
