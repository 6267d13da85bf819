import { describe, expect, it } from 'vitest';
import { usageErrorMessage } from '../../src/cli/usage-errors';
import { cli } from '../helpers/cli';

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('usage mistakes on the command line', () => {
  it.each([
    [['applicants', 'import'], '缺少必需的参数 file'],
    [['applicants', 'import', 'a.xlsx', 'b.xlsx'], '命令 import 的参数过多：应为 1 个，实际给了 2 个'],
    [['applicants', 'import', '--bogus', 'a.xlsx'], '没有这个选项：--bogus'],
    [['applicants', 'import', '--dry-rn', 'a.xlsx'], '没有这个选项：--dry-rn（是否想输入 --dry-run？）'],
    [['no-such-command'], '没有这个命令：no-such-command'],
    [['audit', 'list', '--limit'], '选项 --limit <n> 后面缺少取值'],
    [['users', 'add'], '缺少必需的选项 --username <name>'],
    [['serve', '--port', 'x'], '选项 --port <n> 的取值“x”无效：端口应为 0–65535 之间的整数。'],
  ])('%j is reported once, in Chinese, as USAGE with exit code 2', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(lastLine(r.stderr)).toBe(`错误 [USAGE]：${message}`);
    expect(r.stderr).not.toMatch(/error:|Usage:|display help/);
    expect(r.stderr.match(/错误 \[USAGE\]/g)).toHaveLength(1);
  });

  it('gives the same message in the JSON error with --json', async () => {
    const r = await cli(['--json', 'applicants', 'import']);
    expect(r.code).toBe(2);
    expect(JSON.parse(lastLine(r.stderr)!)).toEqual({ error: { code: 'USAGE', message: '缺少必需的参数 file' } });
  });

  it('shows a group’s commands and asks for one when only the group is named', async () => {
    const r = await cli(['applicants']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法： basedesk applicants [选项] [命令]');
    expect(r.stderr).toContain('import [选项] <file>');
    expect(lastLine(r.stderr)).toBe(
      '错误 [USAGE]：缺少要执行的命令：请从上面列出的命令中选择一个（加 --help 可查看每个命令的说明）。',
    );
    expect(r.stderr).not.toContain('outputHelp');
  });

  it('words the rest of commander’s sentences in Chinese', () => {
    expect(usageErrorMessage('commander.conflictingOption', "error: option '--a' cannot be used with option '--b <x>'")).toBe(
      '选项 --a 不能与 选项 --b <x> 同时使用',
    );
    expect(
      usageErrorMessage('commander.conflictingOption', "error: environment variable 'X' cannot be used with option '--b'"),
    ).toBe('环境变量 X 不能与 选项 --b 同时使用');
    expect(
      usageErrorMessage(
        'commander.invalidArgument',
        "error: option '--kind <k>' argument 'z' is invalid. Allowed choices are a, b.",
      ),
    ).toBe('选项 --kind <k> 的取值“z”无效：可选值为 a, b');
    expect(
      usageErrorMessage(
        'commander.invalidArgument',
        "error: command-argument value 'z' is invalid for argument 'kind'. 须为数字",
      ),
    ).toBe('参数 kind 的取值“z”无效：须为数字');
    expect(
      usageErrorMessage('commander.invalidArgument', "error: option '--port <n>' value 'z' from env 'PORT' is invalid."),
    ).toBe('环境变量 PORT 给选项 --port <n> 的取值“z”无效');
    expect(
      usageErrorMessage('commander.unknownCommand', "error: unknown command 'stauts'\n(Did you mean one of status, stats?)"),
    ).toBe('没有这个命令：stauts（是否想输入 status, stats？）');
    expect(usageErrorMessage('commander.excessArguments', 'error: too many arguments. Expected 0 arguments but got 1.')).toBe(
      '参数过多：应为 0 个，实际给了 1 个',
    );
  });

  it('keeps a sentence it does not know whole, after a Chinese lead-in', () => {
    expect(usageErrorMessage('commander.somethingNew', "error: option '--x' is odd")).toBe("命令行用法有误：option '--x' is odd");
  });
});
