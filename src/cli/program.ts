import { Command, CommanderError } from 'commander';
import { commandWord } from './command-line';
import { chineseHelp, HELP_COMMAND, HELP_COMMAND_TEXT, HELP_FLAGS, HELP_OPTION_TEXT, localizedTerm } from './help-format';
import { reportError, reportFailure, type CliIo } from './io';
import { usageErrorMessage } from './usage-errors';

export { commandWord };

type Register = (program: Command, io: CliIo) => void;

/**
 * One group of top-level commands and how to load the code that registers them. A command line runs one
 * command, so only its group is loaded: the others (and the core modules they pull in) cost nothing. The
 * implementation is imported on demand, which the bundler turns into a separate chunk per group.
 */
type CommandGroup = { commands: readonly CommandSummary[]; load: () => Promise<Register[]> };

/**
 * A top-level command as `basedesk --help` lists it (usage term and description), so the overview is
 * printed without loading any group. A test keeps these equal to what the groups register.
 */
type CommandSummary = { term: string; description: string };

const nameOf = (c: CommandSummary): string => c.term.split(' ')[0]!;

/** In registration order, which is the order `basedesk --help` lists them. Each feature adds one entry. */
const GROUPS: readonly CommandGroup[] = [
  {
    commands: [
      {
        term: 'init [options]',
        description: '首次设置：建立基地、选择省份政策预设、创建管理员（密码取自 BASEDESK_PASSWORD 或标准输入）',
      },
    ],
    load: async () => [(await import('./commands/init')).registerInit],
  },
  {
    commands: [{ term: 'status', description: '显示基地、数据目录与数据库版本' }],
    load: async () => [(await import('./commands/status')).registerStatus],
  },
  {
    commands: [{ term: 'db', description: '数据库维护' }],
    load: async () => {
      const [{ registerDbCheck }, { registerDbEncryption }] = await Promise.all([
        import('./commands/init'),
        import('./commands/db-encryption'),
      ]);
      return [registerDbCheck, registerDbEncryption];
    },
  },
  { commands: [{ term: 'plan', description: '招收计划' }], load: async () => [(await import('./commands/plan')).registerPlan] },
  {
    commands: [{ term: 'users', description: '本机账号管理（需管理员）' }],
    load: async () => [(await import('./commands/users')).registerUsers],
  },
  {
    commands: [{ term: 'audit', description: '审计日志' }],
    load: async () => [(await import('./commands/audit')).registerAudit],
  },
  {
    commands: [
      { term: 'scores', description: '考核成绩与面试评分' },
      { term: 'ranking [options]', description: '按专业（及人员类别）排名，显示总成绩与并列' },
      { term: 'station', description: '离线评分设备：评分文件与签名评分包' },
    ],
    load: async () => [
      (await import('./commands/scores')).registerScores,
      (await import('./commands/scores-platform')).registerScoresPlatform,
    ],
  },
  {
    commands: [{ term: 'admission', description: '择优录取与拟录取' }],
    load: async () => [(await import('./commands/admission')).registerAdmission],
  },
  {
    commands: [
      { term: 'applicants', description: '报名人员' },
      {
        term: 'confirm [options] [idNumbers...]',
        description:
          '现场确认：对一个或多个证件号码作出确认结论（号码也可来自 --ids-file 或标准输入 -）。“确认通过”要求材料核对已记录且必需材料齐全：在确认台逐项核对，或用 --checklist complete 声明；不符合资格规则的人员须 --override-rules --reason 写明放行原因',
      },
    ],
    load: async () => [(await import('./commands/applicants')).registerApplicants],
  },
  {
    commands: [{ term: 'trainees', description: '在培学员' }],
    load: async () => [(await import('./commands/trainees')).registerTrainees],
  },
  {
    commands: [{ term: 'exam', description: '结业考核报名：日程、报考人员、资格审核、汇总表、成绩' }],
    load: async () => [(await import('./commands/exam')).registerExam],
  },
  {
    commands: [
      { term: 'windows [options]', description: '招收工作时间窗口（现场确认、录取、二次补报）：起止时间、原文依据、当前状态' },
    ],
    load: async () => [(await import('./commands/windows')).registerWindows],
  },
  {
    commands: [
      { term: 'keys', description: '本基地签名密钥、省级接收方公钥、受信任公钥（口令取自 BASEDESK_KEY_PASSPHRASE 或标准输入）' },
      { term: 'package', description: '签名报送包' },
      { term: 'outbox', description: '待发件箱' },
      { term: 'intake', description: '参考接收端（省级或测试用）' },
    ],
    load: async () => [(await import('./commands/packages')).registerPackages],
  },
  {
    commands: [{ term: 'departments', description: '本基地科室（对应标准科室与容量），供轮转编排使用' }],
    load: async () => [(await import('./commands/departments')).registerDepartments],
  },
  {
    commands: [{ term: 'rotation', description: '轮转方案与轮转计划' }],
    load: async () => [(await import('./commands/rotation')).registerRotation],
  },
  {
    commands: [{ term: 'retention', description: '数据保存期限：到期的未录取人员个人信息和已送达数据包' }],
    load: async () => [(await import('./commands/retention')).registerRetention],
  },
  {
    commands: [{ term: 'reduction', description: '培训年限减免（住培）：资格核对、审批结果、临床实践经历' }],
    load: async () => [(await import('./commands/reduction')).registerReduction],
  },
  {
    commands: [
      {
        term: 'serve [options]',
        description: '在浏览器中打开同一界面：启动本机 HTTP 服务（仅 127.0.0.1，带一次性令牌），打印访问地址',
      },
    ],
    load: async () => [(await import('./commands/serve')).registerServe],
  },
];

/** The version `basedesk --version` prints: package.json's (a test keeps the two equal). */
const VERSION = '0.1.0';

/** The groups a command line needs: its command's group, or all of them for top-level help and unknown words. */
function groupsFor(argv: readonly string[]): readonly CommandGroup[] {
  const word = commandWord(argv);
  const group = word === undefined ? undefined : GROUPS.find((g) => g.commands.some((c) => nameOf(c) === word));
  return group ? [group] : GROUPS;
}

/**
 * The bare command tree: global options, help and error output, no commands yet. The help settings come
 * first: commander copies them into every command added afterwards.
 */
function rootProgram(io: CliIo): Command {
  return new Command('basedesk')
    .configureHelp(chineseHelp())
    .helpOption(HELP_FLAGS, HELP_OPTION_TEXT)
    .helpCommand(HELP_COMMAND, HELP_COMMAND_TEXT)
    .description('BaseDesk 住培基地离线工作台：命令行（与桌面应用共用同一核心与数据）')
    .version(VERSION, '-V, --version', '显示版本号')
    .option('--data-dir <dir>', '数据目录（默认与桌面应用相同；或环境变量 BASEDESK_DATA_DIR）')
    .option('--json', '以 JSON 输出（供脚本使用）')
    .option('--user <name>', '以哪个用户身份执行（默认：第一位管理员）；密码取自 BASEDESK_PASSWORD 或标准输入')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Its English line is not printed: runCli reports every usage error once, in Chinese, with its code.
      outputError: () => {},
    });
}

/**
 * Builds the `basedesk` command tree with the commands `argv` needs (all of them when `argv` is omitted).
 * Without a command word (`--help`, `--version`, nothing) the tree holds only the summaries: enough to
 * print the overview, nothing to run.
 */
export async function buildProgram(io: CliIo, argv?: readonly string[]): Promise<Command> {
  const program = rootProgram(io);
  if (argv !== undefined && commandWord(argv) === undefined) return withSummaries(program);
  const wanted = argv === undefined ? GROUPS : groupsFor(argv);
  const registers = await Promise.all(wanted.map((g) => g.load()));
  for (const register of registers.flat()) register(program, io);
  return program;
}

/** The top-level commands as placeholders listed under their usage terms. */
function withSummaries(program: Command): Command {
  const terms = new Map<string, string>();
  for (const c of GROUPS.flatMap((g) => g.commands)) {
    program.command(nameOf(c)).description(c.description);
    terms.set(nameOf(c), c.term);
  }
  const help = program.createHelp();
  return program.configureHelp({
    ...program.configureHelp(),
    subcommandTerm: (cmd) => {
      const term = terms.get(cmd.name());
      return term === undefined ? help.subcommandTerm(cmd) : localizedTerm(term);
    },
  });
}

/** Runs one CLI invocation and returns the exit code: 0 success, 1 coded error, 2 usage error. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      reportError(io, json, { code: 'USAGE', message: usageErrorMessage(e.code, e.message) });
      return 2;
    }
    return reportFailure(io, json, e);
  }
}
