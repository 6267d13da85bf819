import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { DepartmentImportResult, DepartmentView, RotationRowProblem } from '../../shared/contract/rotation';
import { withSession, type CliSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

/** A file from disk as the contract carries it (the rotation commands share this). */
export function readInput(file: string): { fileName: string; contentBase64: string } {
  try {
    return { fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

const SITE_LABEL = { base: '本基地', partner: '协同单位', primary: '基层实践基地' } as const;

export function departmentLine(d: DepartmentView): string {
  return `${d.name}\t容量 ${d.capacity}\t${d.standardDepartments.join('、')}\t${d.site ?? '本院'}（${SITE_LABEL[d.siteType]}）`;
}

export function problemLines(rejected: RotationRowProblem[]): string[] {
  return rejected.map((p) => `${p.row === null ? '' : `第 ${p.row} 行\t`}${p.field}\t[${p.code}] ${p.message}`);
}

function importText(r: DepartmentImportResult, dryRun: boolean): string {
  if (r.rejected.length > 0) return [`有 ${r.rejected.length} 处问题，未导入任何科室：`, ...problemLines(r.rejected)].join('\n');
  return [
    dryRun
      ? `（试运行，未写入）可导入 ${r.created + r.updated} 个科室`
      : `已导入 ${r.imported} 个科室（新增 ${r.created}，更新 ${r.updated}）`,
    ...r.departments.map(departmentLine),
  ].join('\n');
}

export async function departmentByName(s: CliSession, name: string): Promise<DepartmentView> {
  const d = (await s.call('rotation.listDepartments', {})).find((x) => x.name === name);
  if (!d) fail('DEPT_NOT_FOUND', `找不到科室「${name}」（basedesk departments list 可列出全部科室）`);
  return d;
}

export function registerDepartments(program: Command, io: CliIo): void {
  const departments = program.command('departments').description('本基地科室（对应标准科室与容量），供轮转编排使用');
  departments
    .command('import <file>')
    .description('导入科室表（科室名称、标准科室（用“、”分隔）、容量、院区或协同单位）；有任何问题则不写入')
    .option('--dry-run', '只检查并显示结果，不写入')
    .action(async (file: string, o: { dryRun?: boolean }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const input = readInput(file);
        const r = o.dryRun
          ? await s.call('rotation.previewDepartments', input)
          : await s.call('rotation.importDepartments', input);
        print(io, s.json, r, () => importText(r, !!o.dryRun));
        if (r.rejected.length > 0) fail('DEPT_IMPORT_REJECTED', `科室表有 ${r.rejected.length} 处问题，未导入任何科室。`);
      });
    });
  departments
    .command('list')
    .description('列出科室')
    .action(async (_o: unknown, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const list = await s.call('rotation.listDepartments', {});
        print(io, s.json, { departments: list }, () =>
          list.length ? list.map(departmentLine).join('\n') : '还没有科室，请先导入科室表',
        );
      });
    });
  departments
    .command('update <name>')
    .description('修改一个科室的容量、对应标准科室或名称')
    .option('--capacity <n>', '容量（同时最多容纳的学员人数）', (v) => Number(v))
    .option('--standard <list>', '对应的标准科室，用“、”分隔')
    .option('--rename <name>', '新名称')
    .option('--reason <text>', '原因')
    .action(async (name: string, o: { capacity?: number; standard?: string; rename?: string; reason?: string }, cmd: Command) => {
      await withSession(io, cmd.optsWithGlobals<GlobalOptions>(), async (s) => {
        const d = await departmentByName(s, name);
        const r = await s.call('rotation.updateDepartment', {
          id: d.id,
          ...(o.capacity !== undefined ? { capacity: o.capacity } : {}),
          ...(o.standard ? { standardDepartments: o.standard.split(/[、,，]/).filter(Boolean) } : {}),
          ...(o.rename ? { name: o.rename } : {}),
          ...(o.reason ? { reason: o.reason } : {}),
        });
        print(io, s.json, r, () => departmentLine(r));
      });
    });
}
