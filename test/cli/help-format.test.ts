import { PassThrough, Readable } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/help-format';
import type { CliIo } from '../../src/cli/io';
import { buildProgram } from '../../src/cli/program';
import { cli } from '../helpers/cli';

function quietIo(): CliIo {
  return { stdout: new PassThrough(), stderr: new PassThrough(), stdin: Readable.from(['']), env: {} };
}

function everyHelp(command: Command, path: string): Array<[string, string]> {
  return [[path, command.helpInformation()], ...command.commands.flatMap((c) => everyHelp(c, `${path} ${c.name()}`))];
}

describe('command-line help', () => {
  it('is in Chinese for every command: none of commander’s English titles, placeholders or notes', async () => {
    const helps = everyHelp(await buildProgram(quietIo()), 'basedesk');
    expect(helps.length).toBeGreaterThan(100);
    for (const [path, text] of helps) {
      expect(text, path).not.toMatch(
        /Usage:|Options:|Commands:|Arguments:|display help|\[options\]|\[command\]|\((default|choices|preset|env):/,
      );
      expect(text, path).toContain('用法：');
    }
  });

  it('says an option’s default in Chinese, and not the empty list of a repeatable option', async () => {
    expect((await cli(['audit', 'list', '--help'])).stdout).toContain('--limit <n>        条数（默认：50）');
    const plan = (await cli(['plan', 'import', '--help'])).stdout;
    expect(plan).toContain('把文件中的专业名称对应到目录中的专业代码（可重复）\n');
    expect(plan).not.toContain('默认：[]');
  });

  it('lines up the descriptions by the columns a terminal draws, Chinese taking two', async () => {
    const help = (await cli(['--help'])).stdout;
    const commands = help.slice(help.indexOf('命令：')).split('\n').slice(1);
    const starts = commands
      .map((line) => /^ {2}(\S+(?: \S+)*) {2,}(?=\S)/.exec(line)?.[0])
      .filter((prefix): prefix is string => prefix !== undefined)
      .map(displayWidth);
    expect(starts.length).toBeGreaterThan(20);
    expect(new Set(starts).size).toBe(1);
  });

  it('counts East Asian wide characters as two columns and colour codes as none', () => {
    expect(displayWidth('[选项]')).toBe(6);
    expect(displayWidth('（可重复）')).toBe(10);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('\u001b[1mab\u001b[0m')).toBe(2);
  });
});
