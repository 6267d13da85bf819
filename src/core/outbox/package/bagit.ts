import { compareUtf8 } from './paths';

/** BagIt 1.0 (RFC 8493) pieces that do not depend on BaseDesk's profile. */
export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export const BAG_FILES = {
  declaration: 'bagit.txt',
  info: 'bag-info.txt',
  manifest: 'manifest-sha512.txt',
  tagManifest: 'tagmanifest-sha512.txt',
  /** Detached signature of the tag manifest: the one tag file the tag manifest cannot list. */
  signature: 'tagmanifest-sha512.txt.minisig',
} as const;

export const PAYLOAD_DIR = 'data/';

/** RFC 8493 §2.1.3: in manifests, CR, LF and % in file paths are percent-encoded. */
export function encodeManifestPath(path: string): string {
  return path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(path: string): string {
  return path.replace(/%(0D|0A|25)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type ManifestLine = { path: string; digest: string };

/**
 * "<digest>  <path>\n" lines sorted by path bytes. Two spaces, like sha512sum, so
 * `sha512sum -c manifest-sha512.txt` run inside an extracted bag also checks it.
 */
export function formatManifest(lines: readonly ManifestLine[]): string {
  return [...lines]
    .sort((a, b) => compareUtf8(a.path, b.path))
    .map((l) => `${l.digest}  ${encodeManifestPath(l.path)}\n`)
    .join('');
}

export type ParsedManifest = { ok: true; entries: Map<string, string> } | { ok: false; line: number; message: string };

/** Parses a manifest with the given digest length (hex chars). Paths are decoded; digests lower-cased. */
export function parseManifest(text: string, hexLength: number): ParsedManifest {
  const entries = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  const re = new RegExp(`^([0-9A-Fa-f]{${hexLength}})[ \\t]+(.+)$`);
  for (let i = 0; i < lines.length; i++) {
    const m = re.exec(lines[i]!);
    if (!m) return { ok: false, line: i + 1, message: `第 ${i + 1} 行不是"摘要 路径"格式` };
    const path = decodeManifestPath(m[2]!);
    if (entries.has(path)) return { ok: false, line: i + 1, message: `第 ${i + 1} 行重复列出了 ${path}` };
    entries.set(path, m[1]!.toLowerCase());
  }
  return { ok: true, entries };
}

export type TagFileParse = { ok: true; labels: Array<[string, string]> } | { ok: false; line: number; message: string };

/** RFC 8493 §2.2.2 tag file: "Label: value" lines; lines starting with whitespace continue the value. */
export function parseTagFile(text: string): TagFileParse {
  const labels: Array<[string, string]> = [];
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line)) {
      const last = labels[labels.length - 1];
      if (!last) return { ok: false, line: i + 1, message: `第 ${i + 1} 行是续行，但前面没有标签` };
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const idx = line.indexOf(':');
    if (idx <= 0) return { ok: false, line: i + 1, message: `第 ${i + 1} 行缺少 "标签: 值" 中的冒号` };
    const label = line.slice(0, idx);
    if (/\s/.test(label)) return { ok: false, line: i + 1, message: `第 ${i + 1} 行的标签含有空白` };
    labels.push([label, line.slice(idx + 1).trim()]);
  }
  return { ok: true, labels };
}

export function formatTagFile(labels: ReadonlyArray<readonly [string, string]>): string {
  return labels.map(([k, v]) => `${k}: ${v}\n`).join('');
}

/** bagit.txt must declare exactly version 1.0 and UTF-8. Returns a Chinese reason, or null when fine. */
export function bagitDeclarationProblem(text: string): string | null {
  const parsed = parseTagFile(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return parsed.message;
  const map = new Map(parsed.labels);
  if (parsed.labels.length !== 2 || map.size !== 2) return '应恰好包含 BagIt-Version 与 Tag-File-Character-Encoding 两行';
  if (map.get('BagIt-Version') !== '1.0') return `BagIt-Version 应为 1.0，实际为 "${map.get('BagIt-Version') ?? ''}"`;
  if (map.get('Tag-File-Character-Encoding')?.toUpperCase() !== 'UTF-8') return 'Tag-File-Character-Encoding 应为 UTF-8';
  return null;
}
