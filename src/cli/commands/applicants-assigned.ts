/**
 * `basedesk applicants assigned --json`: a person the province or city assigned to this base (调剂), recorded
 * here because the base may not refuse them. The person comes as JSON on standard input, never on the command
 * line, where the ID number would land in shell history and `ps`.
 */
import type { Command } from 'commander';
import { withSession, type GlobalOptions } from '../context';
import { print, type CliIo } from '../io';
import { readStdinJson } from './applicants-add';

export function registerApplicantAssigned(applicants: Command, io: CliIo): void {
  applicants
    .command('assigned')
    .description(
      '登记省（市）调剂到本基地的人员：从标准输入读取 JSON {name, idNumber, specialty, reason, fromBase?, notice?, phone?, category?}',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const input = await readStdinJson(io, '调剂人员信息', 'basedesk applicants assigned --json < 调剂人员.json');
        const r = await s.call('applicants.recordAssigned', input as never);
        print(io, s.json, { applicant: r }, () => `已登记调剂人员 ${r.name}（${r.idNumber}），下次计算录取时计入`);
      });
    });
}
