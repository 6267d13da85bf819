import { readFileSync } from 'node:fs';
import { fail } from '../io';

/** A small text file the user named (a key, an identity): its content, or FILE_NOT_FOUND naming `what`. */
export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    fail('FILE_NOT_FOUND', `无法读取${what}：${file}（${(e as NodeJS.ErrnoException).code ?? String(e)}）`);
  }
}
