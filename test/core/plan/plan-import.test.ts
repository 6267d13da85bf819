import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGb18030, writeXlsx } from '../../../src/core/testdata';
import { err, ok, setupBase } from '../../helpers/core';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/plans', name));
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const file = (fileName: string, bytes: Uint8Array | string) => ({ fileName, contentBase64: b64(bytes) });

describe('plan import: the Jilin matrix', () => {
  it('picks this base’s column by name, skips "/" and totals, keeps 其他 as an unallocated pool in the total', async () => {
    const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院');
    const plan = await ok(core, session, 'plan.commitImport', file('jilin.csv', fixture('jilin-2024-residency-plan.csv')));
    expect(plan.total).toBe(90);
    const by = Object.fromEntries(plan.rows.map((r) => [r.specialtyName, r.quota]));
    expect(by).toMatchObject({ 全科: 30, 儿科: 2, 精神科: 1, 妇产科: 5, 麻醉科: 3, 急诊科: 1, 临床病理科: 2, 重症医学科: 2 });
    const pool = plan.rows.find((r) => r.unallocated)!;
    expect(pool).toMatchObject({ specialtyCode: null, quota: 44 });
  });

  it('asks which column when the base name matches none, and imports the chosen one', async () => {
    const { core, session } = await setupBase('jilin-2024', '某某医院');
    const e = await err(core, session, 'plan.previewImport', file('jilin.csv', fixture('jilin-2024-residency-plan.csv')));
    expect(e.code).toBe('PLAN_BASE_COLUMN_REQUIRED');
    expect(e.details?.baseColumns).toContain('长春市儿童医院');
    expect(e.details?.baseColumns).not.toContain('合计');
    const plan = await ok(core, session, 'plan.commitImport', {
      ...file('jilin.csv', fixture('jilin-2024-residency-plan.csv')),
      baseColumn: '长春市儿童医院',
    });
    expect(plan.total).toBe(4);
    expect(plan.rows.map((r) => [r.specialtyName, r.quota])).toEqual([
      ['儿科', 3],
      ['其他（待分配）', 1],
    ]);
    expect(
      (
        await err(core, session, 'plan.previewImport', {
          ...file('j.csv', fixture('jilin-2024-residency-plan.csv')),
          baseColumn: '火星医院',
        })
      ).code,
    ).toBe('PLAN_BASE_COLUMN_UNKNOWN');
  });

  it('reads the same matrix saved as GBK by Excel on Chinese Windows', async () => {
    const { core, session } = await setupBase('jilin-2024', '吉林省人民医院');
    const gbk = encodeGb18030(fixture('jilin-2024-residency-plan.csv').toString('utf8'));
    const preview = await ok(core, session, 'plan.previewImport', file('jilin-gbk.csv', gbk));
    expect(preview.encoding).toBe('gb18030');
    expect(preview.total).toBe(40);
  });

  it('lets the coordinator split the pool across the base’s own specialties, never beyond it', async () => {
    const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院');
    await ok(core, session, 'plan.commitImport', file('jilin.csv', fixture('jilin-2024-residency-plan.csv')));
    const after = await ok(core, session, 'plan.splitPool', { specialtyCode: '0100', category: null, seats: 10 });
    expect(after.total).toBe(90);
    expect(after.rows.find((r) => r.specialtyCode === '0100')?.quota).toBe(10);
    expect(after.rows.find((r) => r.unallocated)?.quota).toBe(34);
    expect((await err(core, session, 'plan.splitPool', { specialtyCode: '0100', category: null, seats: 35 })).code).toBe(
      'PLAN_POOL_INSUFFICIENT',
    );
  });
});

describe('plan import: the Chongqing list and plain tables', () => {
  it('reads the per-base list for an assistant-GP preset', async () => {
    const { core, session } = await setupBase('chongqing-2022-agp', '合川区人民医院');
    const plan = await ok(core, session, 'plan.commitImport', file('cq.csv', fixture('chongqing-2022-assistant-gp-plan.csv')));
    expect(plan).toMatchObject({ total: 20, rows: [{ specialtyName: '助理全科', quota: 20, category: null }] });
  });

  it('reads a 专业代码/专业名称/人员类别/计划人数 table split by category (Beijing), from XLSX', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const xlsx = await writeXlsx([
      ['专业代码', '专业名称', '人员类别', '计划人数'],
      ['0100', '内科', '委托培训', 5],
      ['0100', '内科', '自主培训', 3],
      ['', '口腔正畸科', '自主培训', 1],
      ['合计', '', '', 9],
    ]);
    const plan = await ok(core, session, 'plan.commitImport', file('bj.xlsx', xlsx));
    expect(plan.total).toBe(9);
    expect(plan.rows.filter((r) => r.specialtyCode === '0100').map((r) => [r.category, r.quota])).toEqual([
      ['委托培训', 5],
      ['自主培训', 3],
    ]);
    expect(plan.rows.find((r) => r.specialtyName === '口腔正畸科')).toMatchObject({ quota: 1 });
  });
});

describe('plan import: bad input is refused whole, with specific codes', () => {
  const csv = (body: string) => file('plan.csv', `专业名称,计划人数\n${body}\n`);

  it('reports negative, fractional and non-numeric quotas and duplicate rows, and writes nothing', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'plan.setQuota', { specialtyCode: '0700', category: null, quota: 7 });
    const input = csv('内科,-1\n外科,2.5\n儿科,五\n全科,3\n全科,4');
    const preview = await ok(core, session, 'plan.previewImport', input);
    expect(preview.problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'PLAN_QUOTA_NEGATIVE'],
      [3, 'PLAN_QUOTA_NOT_INTEGER'],
      [4, 'PLAN_QUOTA_NOT_NUMBER'],
      [6, 'PLAN_DUPLICATE_ROW'],
    ]);
    const e = await err(core, session, 'plan.commitImport', input);
    expect(e.code).toBe('PLAN_INVALID');
    expect((await ok(core, session, 'plan.show')).rows).toEqual([expect.objectContaining({ specialtyCode: '0700', quota: 7 })]);
  });

  it('offers unknown specialty names for mapping or adding instead of dropping them', async () => {
    const { core, session } = await setupBase();
    const input = csv('内科,2\n心血管内科,3\n肿瘤科,1');
    const preview = await ok(core, session, 'plan.previewImport', input);
    expect(preview.unknownSpecialties).toEqual([
      { name: '心血管内科', rows: [3] },
      { name: '肿瘤科', rows: [4] },
    ]);
    const mapped = await ok(core, session, 'plan.previewImport', {
      ...input,
      mappings: { 心血管内科: { code: '0600' }, 肿瘤科: { add: true } },
    });
    expect(mapped.unknownSpecialties).toEqual([]);
    expect(mapped.total).toBe(6);
    expect(mapped.rows.map((r) => [r.specialtyCode, r.specialtyName])).toEqual([
      ['0100', '内科'],
      ['0600', '神经内科'],
      [null, '肿瘤科'],
    ]);
    const e = await err(core, session, 'plan.commitImport', input);
    expect(e.code).toBe('PLAN_UNKNOWN_SPECIALTY');
    expect(e.message).toContain('心血管内科');
    // mapping 心血管内科 onto 内科 makes it a duplicate of row 2: refused, and 肿瘤科 is not half-added
    const dup = await err(core, session, 'plan.commitImport', {
      ...input,
      mappings: { 心血管内科: { code: '0100' }, 肿瘤科: { add: true } },
    });
    expect(dup.code).toBe('PLAN_INVALID');
    expect((await ok(core, session, 'catalogue.list')).some((s) => s.name === '肿瘤科')).toBe(false);
    const plan = await ok(core, session, 'plan.commitImport', {
      ...input,
      mappings: { 心血管内科: { code: '0600' }, 肿瘤科: { add: true } },
    });
    expect(plan.total).toBe(6);
  });

  it('adds unknown names as local specialties when asked, in the same transaction as the import', async () => {
    const { core, session } = await setupBase();
    const plan = await ok(core, session, 'plan.commitImport', {
      ...csv('内科,2\n肿瘤科,1'),
      mappings: { 肿瘤科: { add: true } },
    });
    expect(plan.rows.find((r) => r.specialtyName === '肿瘤科')).toMatchObject({ specialtyCode: 'L002', quota: 1 });
  });

  it('refuses a file with no recognisable header, and an empty file', async () => {
    const { core, session } = await setupBase();
    expect((await err(core, session, 'plan.previewImport', file('x.csv', '姓名,电话\n张三,1\n'))).code).toBe('PLAN_NO_HEADER');
    expect((await err(core, session, 'plan.previewImport', file('x.csv', ''))).code).toBe('FILE_EMPTY');
  });

  it('refuses categories the preset does not know', async () => {
    const { core, session } = await setupBase('beijing-2023', '北京某医院');
    const preview = await ok(core, session, 'plan.previewImport', file('p.csv', '专业名称,人员类别,计划人数\n内科,外星人,2\n'));
    expect(preview.problems.map((p) => p.code)).toEqual(['PLAN_UNKNOWN_CATEGORY']);
  });
});
