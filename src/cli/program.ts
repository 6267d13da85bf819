import { Command, CommanderError } from 'commander';
import type { ApiError } from '../shared/errors';
import { registerApplicants } from './commands/applicants';
import { registerAdmission } from './commands/admission';
import { registerAudit } from './commands/audit';
import { registerExam } from './commands/exam';
import { registerWindows } from './commands/windows';
import { registerDepartments } from './commands/departments';
import { registerInit } from './commands/init';
import { registerDbEncryption } from './commands/db-encryption';
import { registerPackages } from './commands/packages';
import { registerPlan } from './commands/plan';
import { registerRotation } from './commands/rotation';
import { registerScores } from './commands/scores';
import { registerServe } from './commands/serve';
import { registerTrainees } from './commands/trainees';
import { registerUsers } from './commands/users';
import { registerRetention } from './commands/retention';
import { registerReduction } from './commands/reduction';
import { registerScoresPlatform } from './commands/scores-platform';
import { CliExit, type CliIo } from './io';

/** Builds the `basedesk` command tree. Each feature adds one `registerXxx(program, io)` line. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('basedesk')
    .description('BaseDesk 住培基地离线工作台：命令行（与桌面应用共用同一核心与数据）')
    .option('--data-dir <dir>', '数据目录（默认与桌面应用相同；或环境变量 BASEDESK_DATA_DIR）')
    .option('--json', '以 JSON 输出（供脚本使用）')
    .option('--user <name>', '以哪个用户身份执行（默认：第一位管理员）；密码取自 BASEDESK_PASSWORD 或标准输入')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  registerInit(program, io);
  registerDbEncryption(program, io);
  registerPlan(program, io);
  registerUsers(program, io);
  registerAudit(program, io);
  registerScores(program, io);
  registerScoresPlatform(program, io);
  registerAdmission(program, io);
  registerApplicants(program, io);
  registerTrainees(program, io);
  registerExam(program, io);
  registerWindows(program, io);
  registerPackages(program, io);
  registerDepartments(program, io);
  registerRotation(program, io);
  registerRetention(program, io);
  registerReduction(program, io);
  registerServe(program, io);
  return program;
}

function reportError(io: CliIo, json: boolean, error: ApiError): void {
  if (json) io.stderr.write(`${JSON.stringify({ error })}\n`);
  else io.stderr.write(`错误 [${error.code}]：${error.message}\n`);
}

/** Runs one CLI invocation and returns the exit code: 0 success, 1 coded error, 2 usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  const json = argv.includes('--json');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliExit) {
      reportError(io, json, e.error);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      reportError(io, json, { code: 'USAGE', message: e.message });
      return 2;
    }
    reportError(io, json, { code: 'INTERNAL', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return 1;
  }
}
