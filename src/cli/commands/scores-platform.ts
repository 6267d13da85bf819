import type { Command } from 'commander';
import { writePrivateFileAtomic } from '../../core/db/private-files';
import { withSession, type GlobalOptions } from '../context';
import { fail, print, type CliIo } from '../io';

/**
 * `basedesk scores export --platform FILE`: the results in the provincial platform's layout (姓名, 身份证号,
 * 理论成绩, 技能成绩, 面试成绩, 考核结果). Full ID numbers, so the file is written owner-only; the warnings
 * (missing scores, 考核结果 not set) go to standard error and in --json.
 */
export function registerScoresPlatform(program: Command, io: CliIo): void {
  const scores = program.commands.find((c) => c.name() === 'scores');
  if (scores === undefined) throw new Error('registerScores must run before registerScoresPlatform');
  scores
    .command('export')
    .description('导出报省平台的考核成绩（理论、技能、面试成绩和考核结果；含完整身份证号，需查看证件号码的权限）')
    .requiredOption('--platform <file>', '写入的 XLSX 文件')
    .action(async (o: { platform: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const r = await s.call('scores.platformExport', {});
        try {
          writePrivateFileAtomic(o.platform, Buffer.from(r.contentBase64, 'base64'));
        } catch (e) {
          fail('FILE_WRITE_FAILED', `无法写入文件：${o.platform}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
        }
        if (!s.json) for (const w of r.warnings) io.stderr.write(`注意：${w}\n`);
        print(io, s.json, { file: o.platform, rows: r.rows, warnings: r.warnings }, () => `已写入 ${o.platform}：${r.rows} 人`);
      });
    });
}
