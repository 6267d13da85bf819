/**
 * commander's help, in Chinese like the rest of the command line: commander writes its section titles, the
 * `[options]`/`[command]` placeholders, its help option and help command, and the notes after an option
 * ("(default: 50)") in English. Set on the root command before any other is added: commander copies the
 * help settings into each command when the command is created.
 */
import { Help, type Argument, type Command, type HelpConfiguration, type Option } from 'commander';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

export const HELP_FLAGS = '-h, --help';
export const HELP_OPTION_TEXT = '显示帮助';
export const HELP_COMMAND = 'help [command]';
export const HELP_COMMAND_TEXT = '显示某个命令的帮助';

/** Characters a terminal draws two columns wide (East Asian Wide and Fullwidth: Chinese, full-width punctuation). */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
// The escape character is the point of this pattern: colour codes take no columns.
// eslint-disable-next-line no-control-regex
const COLOUR_CODE = /\x1b\[\d*(?:;\d*)*m/g;

/**
 * Columns a text takes in a terminal. commander counts characters, so a term holding Chinese (「[选项]」)
 * pushed its description out of line with the others, and Chinese descriptions wrapped too late.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(COLOUR_CODE, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** A usage line or command term with commander's placeholders in Chinese. */
export function localizedTerm(term: string): string {
  return term.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');
}

/** A default as the help shows it; an empty list (an option that may be repeated) says nothing useful. */
function defaultText(value: unknown, described: string | undefined): string | null {
  if (described !== undefined) return described;
  if (Array.isArray(value) && value.length === 0) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The description and, in brackets, what commander would have noted in English (same cases). */
function withNotes(description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  const text = notes.join('；');
  return description === '' ? `（${text}）` : `${description}（${text}）`;
}

function choicesNote(choices: readonly string[] | undefined): string[] {
  return choices === undefined ? [] : [`可选：${choices.join('、')}`];
}

function optionDescription(option: Option): string {
  const notes = choicesNote(option.argChoices);
  // As commander: a default is shown for an option that takes a value, or a boolean one given a boolean.
  const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && shown) {
    const d = defaultText(option.defaultValue, option.defaultValueDescription);
    if (d !== null) notes.push(`默认：${d}`);
  }
  if (option.presetArg !== undefined && option.optional) notes.push(`只写选项时：${String(option.presetArg)}`);
  if (option.envVar !== undefined) notes.push(`环境变量：${option.envVar}`);
  return withNotes(option.description, notes);
}

function argumentDescription(argument: Argument): string {
  const notes = choicesNote(argument.argChoices);
  if (argument.defaultValue !== undefined) {
    const d = defaultText(argument.defaultValue, argument.defaultValueDescription);
    if (d !== null) notes.push(`默认：${d}`);
  }
  return withNotes(argument.description, notes);
}

/** What the root's configureHelp is given; commander builds each help as `new Help()` with these on it. */
export function chineseHelp(): HelpConfiguration {
  const plain = new Help();
  return {
    styleTitle: (title) => TITLES[title] ?? title,
    displayWidth,
    commandUsage: (cmd: Command) => localizedTerm(plain.commandUsage(cmd)),
    subcommandTerm: (cmd: Command) => localizedTerm(plain.subcommandTerm(cmd)),
    optionDescription,
    argumentDescription,
  };
}
