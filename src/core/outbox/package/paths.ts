/**
 * Archive path rules, shared by the builder (refuse to write) and the verifier (refuse to read).
 * Names are forward-slash relative paths; anything an extractor could resolve outside the target
 * folder, or resolve differently on Windows, is unsafe.
 */
export function unsafePathReason(name: string, opts: { allowDirectory?: boolean } = {}): string | null {
  if (name.length === 0) return '路径为空';
  if (name.includes('\\')) return '路径包含反斜杠（\\）';
  if (name.startsWith('/')) return '是绝对路径';
  if (/^[A-Za-z]:/.test(name)) return '包含盘符';
  // CR and LF are legal in BagIt names (manifests percent-encode them); other control characters are not.
  if (hasForbiddenControl(name)) return '包含控制字符';
  const body = opts.allowDirectory && name.endsWith('/') ? name.slice(0, -1) : name;
  for (const seg of body.split('/')) {
    if (seg === '..') return '包含 ".." 上级目录';
    if (seg === '.') return '包含 "." 路径段';
    if (seg === '') return '包含空的路径段（"//" 或以 "/" 结尾）';
  }
  return null;
}

function hasForbiddenControl(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * The key two names collide under on a case-insensitive or normalising file system (Windows, macOS):
 * such pairs are refused as duplicates even though the bytes differ.
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Byte order of the UTF-8 encoding: the one order every implementation agrees on. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
