/**
 * The base's departments (科室): each maps to the standard departments (标准科室) it can teach and holds at
 * most `capacity` trainees at once. Imported from a sheet (科室名称, 标准科室 separated by 、, 容量,
 * 院区或协同单位, optional 地点类型), all or nothing, updating departments of the same name.
 */
import type { DepartmentImportResult, DepartmentView, RotationRowProblem } from '../../shared/contract/rotation';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import type { Department, SiteType } from './rules/types';
import { parseSiteType, readRows, splitList, textProblems } from './sheet';

const COLUMNS = {
  name: ['科室名称', '科室', '轮转科室'],
  standards: ['标准科室', '对应标准科室'],
  capacity: ['容量', '最大容量', '可容纳人数', '带教容量'],
  site: ['院区或协同单位', '院区', '协同单位', '轮转地点'],
  siteType: ['地点类型', '轮转地点类型'],
} as const;

type Field = keyof typeof COLUMNS;

type ParsedDepartment = {
  row: number;
  name: string;
  standards: string[];
  capacity: number;
  site: string | null;
  siteType: SiteType;
};

export async function loadDepartments(tx: Tx): Promise<Department[]> {
  const rows = await tx.selectFrom('departments').selectAll().orderBy('name').execute();
  const standards = await tx.selectFrom('department_standards').selectAll().orderBy('standard_department').execute();
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    standardDepartments: standards.filter((s) => s.department_id === d.id).map((s) => s.standard_department),
    capacity: d.capacity,
    site: d.site,
    siteType: d.site_type,
  }));
}

export async function listDepartments(tx: Tx): Promise<DepartmentView[]> {
  return (await loadDepartments(tx)).map(viewOf);
}

function viewOf(d: Department): DepartmentView {
  return {
    id: d.id,
    name: d.name,
    standardDepartments: d.standardDepartments,
    capacity: d.capacity,
    site: d.site,
    siteType: d.siteType,
  };
}

function parseCapacity(text: string): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 10000 ? n : null;
}

/**
 * A site without 地点类型 is a 协同单位 unless its name says it is one of the base's own 院区: the 6-month and
 * 3-site limits count 协同单位 only, and a campus of the base is not one.
 */
function siteTypeOf(site: string | null, written: string): SiteType | null {
  if (written !== '') return parseSiteType(written);
  if (site === null) return 'base';
  return site.endsWith('院区') ? 'base' : 'partner';
}

function parseRow(r: { row: number; get(f: Field): string }, problems: RotationRowProblem[]): ParsedDepartment | null {
  const before = problems.length;
  const problem = (field: string, code: string, message: string) => problems.push({ row: r.row, field, code, message });
  problems.push(...textProblems(r, { name: '科室名称', standards: '标准科室', site: '院区或协同单位' }));
  const name = r.get('name');
  if (name === '') problem('科室名称', 'DEPT_NAME_REQUIRED', `第 ${r.row} 行没有科室名称`);
  const standards = splitList(r.get('standards'));
  if (standards.length === 0) problem('标准科室', 'DEPT_STANDARD_REQUIRED', `第 ${r.row} 行科室「${name}」没有对应的标准科室`);
  const capText = r.get('capacity');
  const capacity = parseCapacity(capText);
  if (capText === '')
    problem('容量', 'DEPT_CAPACITY_REQUIRED', `第 ${r.row} 行科室「${name}」没有填写容量（同时最多容纳的学员人数）`);
  else if (capacity === null)
    problem('容量', 'DEPT_CAPACITY_INVALID', `第 ${r.row} 行科室「${name}」的容量「${capText}」应为 1 以上的整数`);
  const site = r.get('site') || null;
  const siteType = siteTypeOf(site, r.get('siteType'));
  if (siteType === null) {
    problem(
      '地点类型',
      'DEPT_SITE_TYPE',
      `第 ${r.row} 行的地点类型「${r.get('siteType')}」应为 本基地、协同单位 或 基层实践基地`,
    );
  }
  if (problems.length > before || capacity === null || siteType === null) return null;
  return { row: r.row, name, standards, capacity, site, siteType };
}

async function parseDepartments(file: { fileName: string; bytes: Uint8Array }) {
  const rows = await readRows(file, COLUMNS, ['name', 'standards', 'capacity'], '科室表');
  const problems: RotationRowProblem[] = [];
  const parsed: ParsedDepartment[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const d = parseRow(r, problems);
    if (!d) continue;
    const first = seen.get(d.name);
    if (first !== undefined) {
      problems.push({
        row: r.row,
        field: '科室名称',
        code: 'DEPT_DUPLICATE',
        message: `第 ${r.row} 行科室「${d.name}」与第 ${first} 行重复`,
      });
      continue;
    }
    seen.set(d.name, r.row);
    parsed.push(d);
  }
  if (rows.length === 0) {
    problems.push({ row: null, field: '', code: 'DEPT_FILE_EMPTY', message: `科室表“${file.fileName}”没有数据行` });
  }
  return { parsed, problems };
}

export async function previewDepartments(
  core: Core,
  file: { fileName: string; bytes: Uint8Array },
): Promise<DepartmentImportResult> {
  const { parsed, problems } = await parseDepartments(file);
  const existing = new Set((await core.db.selectFrom('departments').select('name').execute()).map((d) => d.name));
  const updated = parsed.filter((d) => existing.has(d.name)).length;
  return {
    imported: 0,
    created: parsed.length - updated,
    updated,
    rejected: problems,
    departments: parsed.map((d) => ({
      id: '',
      name: d.name,
      standardDepartments: d.standards,
      capacity: d.capacity,
      site: d.site,
      siteType: d.siteType,
    })),
  };
}

/** Writes every department of the file, or none when any row has a problem. */
export async function importDepartments(
  core: Core,
  actor: Actor,
  file: { fileName: string; bytes: Uint8Array },
): Promise<DepartmentImportResult> {
  const { parsed, problems } = await parseDepartments(file);
  if (problems.length > 0) {
    return { imported: 0, created: 0, updated: 0, rejected: problems, departments: await listDepartments(core.db) };
  }
  return core.db.transaction().execute(async (tx) => {
    const now = isoNow(core.clock);
    let created = 0;
    for (const d of parsed) {
      const existing = await tx.selectFrom('departments').select('id').where('name', '=', d.name).executeTakeFirst();
      const id = existing?.id ?? uuidv7(core.clock.nowMs());
      if (existing) {
        await tx
          .updateTable('departments')
          .set({ capacity: d.capacity, site: d.site, site_type: d.siteType, updated_at: now })
          .where('id', '=', id)
          .execute();
        await tx.deleteFrom('department_standards').where('department_id', '=', id).execute();
      } else {
        created++;
        await tx
          .insertInto('departments')
          .values({
            id,
            name: d.name,
            capacity: d.capacity,
            site: d.site,
            site_type: d.siteType,
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await tx
        .insertInto('department_standards')
        .values(d.standards.map((s) => ({ department_id: id, standard_department: s })))
        .execute();
    }
    const departments = await listDepartments(tx);
    await appendEvent(tx, core, actor.username, {
      action: 'rotation.importDepartments',
      entity: 'departments',
      entityId: file.fileName,
      after: { file: file.fileName, departments: departments.filter((d) => parsed.some((p) => p.name === d.name)) },
    });
    return { imported: parsed.length, created, updated: parsed.length - created, rejected: [], departments };
  });
}

export type DepartmentPatch = {
  id: string;
  name?: string | undefined;
  capacity?: number | undefined;
  standardDepartments?: string[] | undefined;
  site?: string | null | undefined;
  siteType?: SiteType | undefined;
  reason?: string | undefined;
};

export async function updateDepartment(core: Core, actor: Actor, patch: DepartmentPatch): Promise<DepartmentView> {
  return core.db.transaction().execute(async (tx) => {
    const before = (await loadDepartments(tx)).find((d) => d.id === patch.id);
    if (!before) throw new AppError('DEPT_NOT_FOUND', '找不到该科室，请刷新后重试。');
    if (patch.name !== undefined && patch.name !== before.name) {
      const clash = await tx.selectFrom('departments').select('id').where('name', '=', patch.name).executeTakeFirst();
      if (clash) throw new AppError('DEPT_DUPLICATE', `已有名为「${patch.name}」的科室。`);
    }
    await tx
      .updateTable('departments')
      .set({
        name: patch.name ?? before.name,
        capacity: patch.capacity ?? before.capacity,
        site: patch.site === undefined ? before.site : patch.site,
        site_type: patch.siteType ?? before.siteType,
        updated_at: isoNow(core.clock),
      })
      .where('id', '=', patch.id)
      .execute();
    if (patch.standardDepartments) {
      await tx.deleteFrom('department_standards').where('department_id', '=', patch.id).execute();
      await tx
        .insertInto('department_standards')
        .values([...new Set(patch.standardDepartments)].map((s) => ({ department_id: patch.id, standard_department: s })))
        .execute();
    }
    const after = (await loadDepartments(tx)).find((d) => d.id === patch.id)!;
    await appendEvent(tx, core, actor.username, {
      action: 'rotation.updateDepartment',
      entity: 'department',
      entityId: patch.id,
      before: viewOf(before),
      after: viewOf(after),
      reason: patch.reason ?? null,
    });
    return viewOf(after);
  });
}
