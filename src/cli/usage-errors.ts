/**
 * commander's usage errors in Chinese. commander words them in English ("error: missing required argument
 * 'file'"); the command line reports every error in Chinese with a stable code, and a usage error is code
 * USAGE whatever its wording. The English is matched against commander's own fixed sentences; one that is
 * not (a newer commander may add some) is still shown whole after a Chinese lead-in, so no detail is lost.
 */

/** commander's code when it printed a command's help because no subcommand was given. */
const HELP_SHOWN_FOR_MISSING_COMMAND = 'commander.help';

const MISSING_COMMAND = '缺少要执行的命令：请从上面列出的命令中选择一个（加 --help 可查看每个命令的说明）。';

type Rule = [pattern: RegExp, chinese: (...groups: string[]) => string];

/** "option '--x <v>'" or "environment variable 'X'", as a conflict names either. */
function source(text: string): string {
  const env = /^environment variable '(.+)'$/.exec(text);
  if (env) return `环境变量 ${env[1]!}`;
  const option = /^option '(.+)'$/.exec(text);
  return option ? `选项 ${option[1]!}` : text;
}

/** commander's own reason after an invalid value: a parser's (ours are Chinese) or its list of choices. */
function reason(text: string): string {
  const choices = /^Allowed choices are (.+)\.$/.exec(text.trim());
  if (choices) return `：可选值为 ${choices[1]!}`;
  return text.trim() === '' ? '' : `：${text.trim()}`;
}

const RULES: readonly Rule[] = [
  [/^missing required argument '(.+)'$/, (name) => `缺少必需的参数 ${name}`],
  [/^option '(.+)' argument missing$/, (flags) => `选项 ${flags} 后面缺少取值`],
  [/^required option '(.+)' not specified$/, (flags) => `缺少必需的选项 ${flags}`],
  [/^unknown option '(.+)'$/, (flag) => `没有这个选项：${flag}`],
  [/^unknown command '(.+)'$/, (name) => `没有这个命令：${name}`],
  [
    /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (name, expected, got) => `${name ? `命令 ${name} 的` : ''}参数过多：应为 ${expected} 个，实际给了 ${got} 个`,
  ],
  [
    /^option '(.+)' argument '(.*)' is invalid\.(.*)$/s,
    (flags, value, why) => `选项 ${flags} 的取值“${value}”无效${reason(why)}`,
  ],
  [
    /^option '(.+)' value '(.*)' from env '(.+)' is invalid\.(.*)$/s,
    (flags, value, env, why) => `环境变量 ${env} 给选项 ${flags} 的取值“${value}”无效${reason(why)}`,
  ],
  [
    /^command-argument value '(.*)' is invalid for argument '(.+)'\.(.*)$/s,
    (value, name, why) => `参数 ${name} 的取值“${value}”无效${reason(why)}`,
  ],
  [/^(.+) cannot be used with (.+)$/, (a, b) => `${source(a)} 不能与 ${source(b)} 同时使用`],
];

/** commander's "(Did you mean ...?)" after an unknown option or command. */
function suggestion(text: string): string {
  const m = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(text.trim());
  return m ? `（是否想输入 ${m[1]!}？）` : text.trim() === '' ? '' : `（${text.trim()}）`;
}

/** The Chinese message of a commander error (its code and English message). */
export function usageErrorMessage(code: string, message: string): string {
  if (code === HELP_SHOWN_FOR_MISSING_COMMAND) return MISSING_COMMAND;
  const text = message.replace(/^error: /, '');
  const [first = '', ...rest] = text.split('\n');
  for (const [pattern, chinese] of RULES) {
    // The invalid-value sentences may carry a reason over several lines: matched on the whole text.
    const whole = pattern.flags.includes('s');
    const m = pattern.exec(whole ? text : first);
    if (m) return `${chinese(...m.slice(1).map((g) => g ?? ''))}${whole ? '' : suggestion(rest.join('\n'))}`;
  }
  return `命令行用法有误：${text}`;
}
