import { useSession } from '../app/session';

/**
 * Saving what the core returned as a file. The contract carries files as base64 (IPC and HTTP both move
 * JSON); the browser's download is the "export to a folder" of the desktop app and of `basedesk serve`.
 */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function saveBase64(fileName: string, contentBase64: string, mime = 'application/octet-stream'): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  saveBlob(fileName, new Blob([bytes], { type: mime }));
}

export function saveText(fileName: string, text: string): void {
  saveBlob(fileName, new Blob([text], { type: 'text/plain;charset=utf-8' }));
}

/** Characters Windows and macOS refuse in file names. */
const UNSAFE = /[\\/:*?"<>|]/g;

/**
 * 报送包-现场确认结果-2024-第1号.zip -> …-吉林大学第一医院.zip: a file in a Downloads folder (or sent on to the
 * province) says whose it is. Names that already carry the base's name are kept; the extension is everything
 * from the first dot, so `x.basedesk-session.json` keeps the double extension its import expects.
 */
export function readableFileName(fileName: string, baseName = currentBaseName()): string {
  const safe = fileName.replace(UNSAFE, '_');
  const base = baseName.replace(UNSAFE, '_').trim();
  if (!base || safe.includes(base)) return safe;
  const dot = safe.indexOf('.');
  const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  return `${stem}-${base}${ext}`;
}

function currentBaseName(): string {
  return useSession.getState().status?.base?.name ?? '';
}

function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by now; the URL only has to outlive the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
