import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { PlanView } from '../../shared/contract/plan';
import { describePlanDiff } from '../../core/plan/rules/diff';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

function planText(plan: PlanView): string {
  const lines = plan.rows.map(
    (r) =>
      `${r.specialtyCode ?? '—'}\t${r.specialtyName}${r.category ? `\t${r.category}` : ''}\t${r.quota}${r.unallocated ? '\t（待分配）' : ''}`,
  );
  return [`${plan.cohortYear} 级招收计划，合计 ${plan.total} 人`, ...lines].join('\n');
}

function readInput(file: string): { fileName: string; contentBase64: string } {
  try {
    return { fileName: basename(file), contentBase64: readFileSync(file).toString('base64') };
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取文件：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}

/** `a=b` → [a, b]; anything else is a usage error naming the option. */
function splitPair(value: string, option: string): [string, string] {
  const i = value.indexOf('=');
  if (i <= 0 || i === value.length - 1) fail('USAGE', `${option} 的格式应为 左边=右边：${value}`);
  return [value.slice(0, i), value.slice(i + 1)];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerPlan(program: Command, io: CliIo): void {
  const plan = program.command('plan').description('招收计划');
  plan
    .command('import <file>')
    .description('导入招收计划（CSV/XLSX；吉林矩阵、重庆名单或“专业/类别/计划人数”表），替换本年度计划')
    .option('--base-column <name>', '矩阵表中本基地的列名（或名单表中本基地的名称）')
    .option('--map <名称=代码>', '把文件中的专业名称对应到目录中的专业代码（可重复）', collect, [])
    .option('--add-unknown', '把目录中没有的专业名称新增为本地专业')
    .option('--dry-run', '只检查并显示结果，不写入')
    .option('--replace', '本年度已有计划时确认替换（需同时给出 --reason）')
    .option('--reason <text>', '替换已有计划的原因（记入审计日志）')
    .option('--remap <原代码=新代码>', '新计划删除了报名人员已选的专业时，把这些志愿改到新计划中的专业（可重复）', collect, [])
    .action(
      async (
        file: string,
        o: {
          baseColumn?: string;
          map: string[];
          addUnknown?: boolean;
          dryRun?: boolean;
          replace?: boolean;
          reason?: string;
          remap: string[];
        },
        cmd: Command,
      ) => {
        const g = cmd.optsWithGlobals<GlobalOptions>();
        await withSession(io, g, async (s) => {
          const input = { ...readInput(file), ...(o.baseColumn ? { baseColumn: o.baseColumn } : {}) };
          const mappings: Record<string, { code: string } | { add: true }> = {};
          for (const m of o.map) {
            const [name, code] = splitPair(m, '--map');
            mappings[name] = { code };
          }
          const preview = await s.call('plan.previewImport', input);
          if (o.addUnknown) for (const u of preview.unknownSpecialties) mappings[u.name] ??= { add: true };
          if (o.dryRun) {
            print(io, s.json, preview, () =>
              [
                `格式：${preview.shape}${preview.baseColumn ? `，本基地：${preview.baseColumn}` : ''}，合计 ${preview.total} 人`,
                ...preview.rows.map((r) => `第 ${r.sourceRow} 行\t${r.specialtyCode ?? '—'}\t${r.specialtyName}\t${r.quota}`),
                ...preview.unknownSpecialties.map((u) => `未知专业：${u.name}（第 ${u.rows.join('、')} 行）`),
                ...preview.problems.map((p) => `[${p.code}] ${p.message}`),
              ].join('\n'),
            );
            return;
          }
          if (preview.diff && !preview.diff.identical && !(o.replace && o.reason)) {
            io.stderr.write(
              ['导入会替换本年度已有的招收计划：', ...describePlanDiff(preview.diff).map((l) => `  ${l}`)].join('\n') + '\n',
            );
            fail('PLAN_REPLACE_NEEDS_CONFIRMATION', '未导入任何数据。确认替换请加 --replace --reason 原因。');
          }
          const remap = Object.fromEntries(o.remap.map((m) => splitPair(m, '--remap')));
          const replace = o.replace && o.reason ? { replace: true, reason: o.reason } : {};
          const result = await s.call('plan.commitImport', { ...input, mappings, remap, ...replace });
          print(io, s.json, result, () => planText(result));
        });
      },
    );
  plan
    .command('show')
    .description('显示招收计划')
    .option('--year <yyyy>', '年度（默认当前招收年度）', (v) => Number(v))
    .action(async (o: { year?: number }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const result = await s.call('plan.show', o.year ? { cohortYear: o.year } : {});
        print(io, s.json, result, () => planText(result));
      });
    });
}
