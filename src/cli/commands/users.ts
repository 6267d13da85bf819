import type { Command } from 'commander';
import { ROLE_LABELS, ROLES } from '../../shared/permissions';
import { withSession, type GlobalOptions } from '../context';
import { oneOf, print, readSecret, type CliIo } from '../io';

export function registerUsers(program: Command, io: CliIo): void {
  const users = program.command('users').description('本机账号管理（需管理员）');
  users
    .command('add')
    .description('新增用户；新用户密码取自 BASEDESK_NEW_PASSWORD 或标准输入的下一行')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--role <role>', `角色：${ROLES.map((r) => `${r}(${ROLE_LABELS[r]})`).join(' | ')}`)
    .option('--display-name <name>', '姓名')
    .action(async (o: { username: string; role: string; displayName?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const password = await readSecret(io, 'BASEDESK_NEW_PASSWORD', `新用户 ${o.username} 的密码：`);
        const user = await s.call('users.add', {
          username: o.username,
          role: oneOf(ROLES, o.role, '--role'),
          displayName: o.displayName ?? o.username,
          password,
        });
        print(io, s.json, user, () => `已新增用户 ${user.username}（${ROLE_LABELS[user.role]}）`);
      });
    });
  users
    .command('list')
    .description('列出用户')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withSession(io, g, async (s) => {
        const list = await s.call('users.list');
        print(io, s.json, { users: list }, () =>
          list.map((u) => `${u.username}\t${u.displayName}\t${ROLE_LABELS[u.role]}${u.disabled ? '\t已停用' : ''}`).join('\n'),
        );
      });
    });
}
