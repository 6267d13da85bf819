import { describe, expect, it } from 'vitest';
import { APPLICANT_FIELD_LABELS, type ApplicantFieldKey } from '../../src/shared/contract/applicants';
import { cli, initBase } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { roster } from '../core/applicants/helpers';

const env = { BASEDESK_PASSWORD: 'admin-pass-123' };
const KEY_BY_LABEL = new Map(Object.entries(APPLICANT_FIELD_LABELS).map(([k, label]) => [label, k as ApplicantFieldKey]));

function entry(seed: number) {
  const person = roster(1, seed)[0]!;
  const fields = Object.fromEntries(Object.entries(person).map(([label, v]) => [KEY_BY_LABEL.get(label)!, v]));
  const json = JSON.stringify({
    fields,
    form: {
      politicalStatus: '群众',
      address: '吉林省长春市示例路 2 号',
      postalCode: '130000',
      foreignLanguage: '英语',
      foreignLanguageLevel: '六级',
    },
    education: [{ level: '大专', school: '示例医学高等专科学校', major: '临床医学', from: '2018-09', to: '2021-07' }],
  });
  return { person, json };
}

async function initialised(): Promise<string> {
  const dir = tempDir();
  expect((await initBase(dir, env)).code).toBe(0);
  return dir;
}

type ErrorOut = { error: { code: string; message: string } };
/** Errors go to stderr as {error}. */
const errorOf = (r: { stderr: string }) => (JSON.parse(r.stderr) as ErrorOut).error;

describe('basedesk applicants add', () => {
  it('reads the 报名表 as JSON on stdin and answers {applicant (masked), warnings}', async () => {
    const dir = await initialised();
    const { person, json } = entry(51);
    const r = await cli(['--data-dir', dir, 'applicants', 'add', '--json'], { env, stdin: json });
    expect(r.code).toBe(0);
    const out = r.json<{ applicant: { name: string; idNumber: string; phone: string }; warnings: unknown[] }>();
    expect(Object.keys(out).sort()).toEqual(['applicant', 'warnings']);
    expect(out.applicant.name).toBe(person.姓名);
    expect(out.applicant.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(r.stdout).not.toContain(person.证件号码);
    expect(r.stdout).not.toContain(person.手机号码);
    const list = await cli(['--data-dir', dir, 'applicants', 'list', '--json'], { env });
    expect(list.json<{ total: number }>().total).toBe(1);
  });

  it('without --json: one line saying who was entered, masked', async () => {
    const dir = await initialised();
    const { person, json } = entry(54);
    const r = await cli(['--data-dir', dir, 'applicants', 'add'], { env, stdin: json });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已录入 ${person.姓名}（${person.证件号码.slice(0, 6)}********`);
    expect(r.stdout).toContain('来源：纸质报名表');
    expect(r.stdout).not.toContain(person.证件号码);
  });

  it('the same ID again: APPLICANT_DUPLICATE, exit 1, nothing added', async () => {
    const dir = await initialised();
    const { json } = entry(52);
    expect((await cli(['--data-dir', dir, 'applicants', 'add', '--json'], { env, stdin: json })).code).toBe(0);
    const again = await cli(['--data-dir', dir, 'applicants', 'add', '--json'], { env, stdin: json });
    expect(again.code).toBe(1);
    expect(errorOf(again).code).toBe('APPLICANT_DUPLICATE');
    expect((await cli(['--data-dir', dir, 'applicants', 'list', '--json'], { env })).json<{ total: number }>().total).toBe(1);
  });

  it('a wrong check digit: APPLICANT_INVALID naming the field, the number masked', async () => {
    const dir = await initialised();
    const { person } = entry(53);
    const bad = person.证件号码.slice(0, 17) + (person.证件号码[17] === '0' ? '1' : '0');
    const { json } = entry(53);
    const r = await cli(['--data-dir', dir, 'applicants', 'add', '--json'], { env, stdin: json.replace(person.证件号码, bad) });
    expect(r.code).toBe(1);
    const e = errorOf(r);
    expect(e.code).toBe('APPLICANT_INVALID');
    expect(e.message).toContain('校验位');
    expect(r.stdout + r.stderr).not.toContain(bad);
  });

  it('no JSON on stdin, or not JSON: stable codes', async () => {
    const dir = await initialised();
    const none = await cli(['--data-dir', dir, 'applicants', 'add', '--json'], { env });
    expect(errorOf(none).code).toBe('INPUT_MISSING');
    const broken = await cli(['--data-dir', dir, 'applicants', 'add', '--json'], { env, stdin: '{"fields": ' });
    expect(errorOf(broken).code).toBe('INPUT_JSON');
  });
});

describe('basedesk applicants assigned', () => {
  it('records a person the province assigned here from JSON on stdin (coordinator), masked in the answer', async () => {
    const dir = await initialised();
    await cli(['--data-dir', dir, 'users', 'add', '--username', 'coord1', '--role', 'coordinator'], {
      env: { ...env, BASEDESK_NEW_PASSWORD: 'coord-pass-1x' },
    });
    const person = roster(1, 77)[0]!;
    const json = JSON.stringify({
      name: person.姓名,
      idNumber: person.证件号码,
      specialty: '内科',
      fromBase: '吉林示例第二医院',
      reason: '省级调剂结果',
    });
    const coordEnv = { BASEDESK_PASSWORD: 'coord-pass-1x' };
    const r = await cli(['--data-dir', dir, '--user', 'coord1', 'applicants', 'assigned', '--json'], {
      env: coordEnv,
      stdin: json,
    });
    expect(r.code).toBe(0);
    const out = r.json<{ applicant: { name: string; idNumber: string } }>();
    expect(out.applicant.name).toBe(person.姓名);
    expect(out.applicant.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(r.stdout).not.toContain(person.证件号码);

    const again = await cli(['--data-dir', dir, '--user', 'coord1', 'applicants', 'assigned', '--json'], {
      env: coordEnv,
      stdin: '',
    });
    expect(again.code).toBe(1);
    expect(errorOf(again).code).toBe('INPUT_MISSING');
  });
});
