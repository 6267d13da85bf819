import type { Command } from 'commander';
import { PROGRAM_LABELS } from '../../shared/preset';
import { anonymous, withCore, withSession, type GlobalOptions } from '../context';
import { fail, print, readSecret, type CliIo } from '../io';

type InitOptions = {
  baseName: string;
  baseCode: string;
  preset: string;
  year: number;
  admin: string;
  adminName: string;
  province?: string;
};

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('首次设置：建立基地、选择省份政策预设、创建管理员（密码取自 BASEDESK_PASSWORD 或标准输入）')
    .requiredOption('--base-name <name>', '基地名称（与省里计划表中的名称一致，便于自动选列）')
    .requiredOption('--base-code <code>', '基地代码')
    .requiredOption('--preset <id>', '省份政策预设：jilin-2024 | beijing-2023 | chongqing-2022-agp | fujian-2024-agp')
    .requiredOption('--year <yyyy>', '招收年度（级）', (v) => Number(v))
    .requiredOption('--admin <username>', '管理员用户名')
    .option('--admin-name <name>', '管理员姓名', '管理员')
    .option('--province <name>', '省份（默认取预设）')
    .action(async (o: InitOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withCore(io, g, async (core) => {
        const s = anonymous(core, io, g);
        const password = await readSecret(io, 'BASEDESK_PASSWORD', `管理员 ${String(o.admin)} 的新密码：`);
        const result = await s.call('setup.initialize', {
          baseName: o.baseName,
          baseCode: o.baseCode,
          presetId: o.preset,
          cohortYear: o.year,
          ...(o.province ? { province: o.province } : {}),
          admin: { username: o.admin, displayName: o.adminName, password },
        });
        // With a key passphrase at hand, make the base's signing key now (as the app does at setup);
        // otherwise the first `package build` makes it.
        let signingKey: { fingerprint: string } | null = null;
        if (io.env.BASEDESK_KEY_PASSPHRASE) {
          await s.call('auth.login', { username: o.admin, password });
          const keys = await s.call('keys.init');
          signingKey = keys.active ? { fingerprint: keys.active.fingerprint } : null;
        }
        const status = await s.call('system.status');
        print(io, s.json, { ...result, base: status.base, dataDir: core.dataDir, signingKey }, () =>
          [
            `已完成首次设置：${status.base!.name}（${status.base!.code}），${status.base!.province}，${status.base!.cohortYear} 级`,
            `培训项目：${status.base!.programs.map((p) => PROGRAM_LABELS[p]).join('、')}；预设：${status.base!.presetId}`,
            `数据目录：${core.dataDir}`,
            signingKey
              ? `签名密钥指纹：${signingKey.fingerprint}`
              : '签名密钥：将在首次生成报送包时创建（需 BASEDESK_KEY_PASSPHRASE）',
          ].join('\n'),
        );
      });
    });
}

/** `db check`, under the `db` command (db-encryption.ts adds the others). */
export function registerDbCheck(program: Command, io: CliIo): void {
  program
    .command('db')
    .description('数据库维护')
    .command('check')
    .description('完整性检查与外键检查')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const report = await s.call('db.check');
        print(io, s.json, report, () =>
          report.ok
            ? `数据库完好（版本 ${report.schemaVersion}）`
            : `发现问题：\n${report.integrity.join('\n')}\n外键问题 ${report.foreignKeys.length} 处`,
        );
        if (!report.ok) fail('DB_CHECK_FAILED', '数据库检查未通过（见上）。请从 backups 目录恢复最近的备份。');
      });
    });
}
