import { describe, expect, it } from 'vitest';
import { err, ok, setupBase } from '../../helpers/core';
import { EXAMPLE_DEPARTMENTS, EXAMPLE_SCHEME, fileInput, resourceInput } from './helpers';

const HEADER = '培训项目,专业代码,年限,标准科室,月数,类型,选轮组,选轮组月数,阶段';

describe('departments import', () => {
  it('imports the example departments with their standard departments and sites', async () => {
    const { core, session } = await setupBase();
    const r = await ok(core, session, 'rotation.importDepartments', resourceInput(EXAMPLE_DEPARTMENTS));
    expect(r.rejected).toEqual([]);
    expect(r.imported).toBe(22);
    const list = await ok(core, session, 'rotation.listDepartments');
    const resp = list.find((d) => d.name === '呼吸与危重症医学科')!;
    expect(resp.standardDepartments.sort()).toEqual(['呼吸内科', '重症医学科'].sort());
    expect(resp.capacity).toBe(5);
    expect(list.find((d) => d.name === '精神科')).toMatchObject({ site: '市精神卫生中心', siteType: 'partner' });
    expect(list.find((d) => d.name === '社区卫生服务中心')).toMatchObject({ siteType: 'primary' });
  });

  it('refuses the whole file when a department has no capacity, naming the row', async () => {
    const { core, session } = await setupBase();
    const csv = '科室名称,标准科室,容量\n心内科,心血管内科,4\n呼吸科,呼吸内科,\n消化科,消化内科,0\n';
    const r = await ok(core, session, 'rotation.importDepartments', fileInput('科室.csv', csv));
    expect(r.imported).toBe(0);
    expect(r.rejected.map((p) => [p.row, p.code])).toEqual([
      [3, 'DEPT_CAPACITY_REQUIRED'],
      [4, 'DEPT_CAPACITY_INVALID'],
    ]);
    expect(await ok(core, session, 'rotation.listDepartments')).toEqual([]);
  });

  it('refuses names carrying hidden characters', async () => {
    const { core, session } = await setupBase();
    const csv = '科室名称,标准科室,容量\n心内\u200b科,心血管内科,4\n';
    const r = await ok(core, session, 'rotation.importDepartments', fileInput('科室.csv', csv));
    expect(r.rejected).toEqual([expect.objectContaining({ row: 2, field: '科室名称', code: 'CELL_ZERO_WIDTH' })]);
  });

  it('updates a department of the same name on re-import', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'rotation.importDepartments', fileInput('a.csv', '科室名称,标准科室,容量\n心内科,心血管内科,4\n'));
    const r = await ok(
      core,
      session,
      'rotation.importDepartments',
      fileInput('b.csv', '科室名称,标准科室,容量\n心内科,心血管内科、高血压科,6\n'),
    );
    expect(r).toMatchObject({ imported: 1, created: 0, updated: 1 });
    const [d] = await ok(core, session, 'rotation.listDepartments');
    expect(d).toMatchObject({ name: '心内科', capacity: 6, standardDepartments: ['心血管内科', '高血压科'] });
  });
});

describe('schemes import', () => {
  it('imports the example schemes marked 示例', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'rotation.importDepartments', resourceInput(EXAMPLE_DEPARTMENTS));
    const r = await ok(core, session, 'rotation.importSchemes', resourceInput(EXAMPLE_SCHEME));
    expect(r.rejected).toEqual([]);
    expect(r.schemes).toEqual([
      { program: 'residency', specialtyCode: '0100', years: 3, totalMonths: 33, example: true },
      { program: 'residency', specialtyCode: '0700', years: 3, totalMonths: 33, example: true },
    ]);
    const list = await ok(core, session, 'rotation.listSchemes');
    expect(list.every((s) => s.example && s.label === '示例')).toBe(true);
  });

  it('refuses a 3-year scheme of 30 months, naming the scheme, and saves nothing', async () => {
    const { core, session } = await setupBase();
    await ok(
      core,
      session,
      'rotation.importDepartments',
      fileInput('d.csv', '科室名称,标准科室,容量\n心内科,心血管内科,4\n呼吸科,呼吸内科,4\n'),
    );
    const csv = [
      HEADER,
      '住院医师规范化培训,0100,3,心血管内科,15,必轮,,,',
      '住院医师规范化培训,0100,3,呼吸内科,15,必轮,,,',
      '住院医师规范化培训,0700,3,心血管内科,18,必轮,,,',
      '住院医师规范化培训,0700,3,呼吸内科,18,必轮,,,',
    ].join('\n');
    const r = await ok(core, session, 'rotation.importSchemes', fileInput('方案.csv', csv));
    expect(r.imported).toBe(0);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]!.code).toBe('SCHEME_YEAR3_SHORT');
    expect(r.rejected[0]!.message).toContain('住培 0100 内科 3年方案');
    expect(await ok(core, session, 'rotation.listSchemes')).toEqual([]);
  });

  it('names a standard department no base department covers', async () => {
    const { core, session } = await setupBase();
    await ok(core, session, 'rotation.importDepartments', fileInput('d.csv', '科室名称,标准科室,容量\n心内科,心血管内科,4\n'));
    const csv = [HEADER, '住院医师规范化培训,0100,1,心血管内科,6,必轮,,,', '住院医师规范化培训,0100,1,核医学科,6,必轮,,,'].join(
      '\n',
    );
    const r = await ok(core, session, 'rotation.importSchemes', fileInput('方案.csv', csv));
    expect(r.imported).toBe(0);
    expect(r.rejected).toEqual([
      expect.objectContaining({
        row: 3,
        code: 'SCHEME_UNKNOWN_STANDARD_DEPARTMENT',
        message: expect.stringContaining('「核医学科」'),
      }),
    ]);
  });

  it('reports bad cells by row and refuses a file without the required columns', async () => {
    const { core, session } = await setupBase();
    const csv = [HEADER, '进修,0100,3,心血管内科,4,必轮,,,', '住院医师规范化培训,0100,4,呼吸内科,abc,随便,,,第5年'].join('\n');
    const r = await ok(core, session, 'rotation.previewSchemes', fileInput('方案.csv', csv));
    expect(r.rejected.map((p) => `${p.row}:${p.code}`)).toEqual([
      '2:SCHEME_PROGRAM',
      '3:SCHEME_YEARS',
      '3:SCHEME_MONTHS',
      '3:SCHEME_KIND',
      '3:SCHEME_STAGE',
    ]);
    const e = await err(core, session, 'rotation.importSchemes', fileInput('x.csv', '姓名,备注\n张三,1\n'));
    expect(e.code).toBe('ROTATION_COLUMNS_MISSING');
  });

  it('is refused to a clerk, who may still read', async () => {
    const { core, session } = await setupBase();
    const { addUserAndLogin } = await import('../../helpers/core');
    const clerk = await addUserAndLogin(core, session, 'clerk1', 'clerk');
    expect((await err(core, clerk, 'rotation.importDepartments', resourceInput(EXAMPLE_DEPARTMENTS))).code).toBe('FORBIDDEN');
    expect(await ok(core, clerk, 'rotation.listSchemes')).toEqual([]);
  });
});
