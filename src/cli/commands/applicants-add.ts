/**
 * `basedesk applicants add --json`: one applicant typed in from the paper 报名表, the fields as JSON on standard
 * input (after the password line when the password comes from there too), never on the command line, where ID
 * numbers would land in shell history and `ps`.
 */
import type { Command } from 'commander';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, remainingStdinLines, type CliIo } from '../io';

/** A JSON object from standard input; `example` is the command line the error suggests. */
export async function readStdinJson(io: CliIo, what: string, example: string): Promise<unknown> {
  const text = (await remainingStdinLines(io)).join('\n').trim();
  if (text === '') fail('INPUT_MISSING', `请从标准输入提供${what}（JSON），例如：${example}。证件号码不要写在命令行上。`);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    fail('INPUT_JSON', `标准输入不是有效的 JSON：${(e as Error).message}。未录入任何数据。`);
  }
}

export function registerApplicantAdd(applicants: Command, io: CliIo): void {
  applicants
    .command('add')
    .description('手工录入一名报名人员（纸质报名表）：从标准输入读取 JSON {fields, form, education, work}')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call(
          'applicants.add',
          (await readStdinJson(io, '报名信息', 'basedesk applicants add --json < 报名表.json')) as never,
        );
        print(io, s.json, r, () =>
          [
            `已录入 ${r.applicant.name}（${r.applicant.idNumber}），来源：纸质报名表，待现场确认`,
            ...r.warnings.map((w) => `提醒\t${w.label}\t[${w.code}] ${w.message}`),
          ].join('\n'),
        );
      });
    });
}
