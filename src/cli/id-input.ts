import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { fail, remainingStdinLines, type CliIo } from './io';

/**
 * ID numbers given on the command line end up in `ps` output and shell history. Every command that takes
 * them also reads them from a file (`--ids-file F`, one per line, # comments) or from standard input
 * (`-` in place of the numbers; after the password line when the password comes from stdin too).
 */
export const IDS_HELP =
  '证件号码写在命令行上会留在进程列表和命令历史中：可改用 --ids-file 文件（每行一个，# 开头为注释），或用 - 代替号码、从标准输入读取（若密码也从标准输入提供，第一行为密码）。';

export function addIdsFileOption(cmd: Command): Command {
  return cmd
    .option('--ids-file <file>', '从文件读取证件号码（每行一个），不出现在命令行上')
    .addHelpText('after', `\n${IDS_HELP}`);
}

function parseIdLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .flatMap((l) => l.split(/[\s,，;；]+/))
    .filter((x) => x !== '');
}

/** The ID numbers from the arguments, `-` (standard input) and --ids-file, in that order. */
export async function collectIds(io: CliIo, args: readonly string[], idsFile: string | undefined): Promise<string[]> {
  const ids: string[] = [];
  for (const a of args) {
    if (a === '-') ids.push(...parseIdLines((await remainingStdinLines(io)).join('\n')));
    else ids.push(a);
  }
  if (idsFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(idsFile, 'utf8');
    } catch (e) {
      fail('FILE_NOT_FOUND', `无法读取证件号码文件：${idsFile}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
    }
    ids.push(...parseIdLines(text.replace(/^\uFEFF/, '')));
  }
  if (ids.length === 0) fail('USAGE', `没有提供证件号码：请在命令后写出号码，或用 --ids-file 文件、- （标准输入）提供。`);
  return ids;
}

/** Exactly one ID number, from wherever collectIds finds them. */
export async function collectOneId(
  io: CliIo,
  args: readonly string[],
  idsFile: string | undefined,
  what: string,
): Promise<string> {
  const ids = await collectIds(io, args, idsFile);
  if (ids.length !== 1) fail('USAGE', `${what}一次只能处理一个证件号码，收到了 ${ids.length} 个。`);
  return ids[0]!;
}
