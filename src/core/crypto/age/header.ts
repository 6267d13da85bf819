import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { decodeBase64, encodeBase64 } from './base64';
import { headerInvalid } from './errors';

/**
 * The age v1 text header (https://age-encryption.org/v1, "Header"): the version line, one or more
 * recipient stanzas, and the MAC line. Parsing is strict (LF only, canonical base64, 64-column body
 * lines) because the MAC is computed over the bytes as written: a lenient parser would accept headers
 * that other implementations read differently.
 */
export const VERSION_LINE = 'age-encryption.org/v1';
const VERSION_PREFIX = 'age-encryption.org/';
const MAC_MARK = '---';
const STANZA_MARK = '-> ';
const BODY_COLUMNS = 64;
/** A real header is a few hundred bytes; anything this large is not an age file worth reading on. */
export const MAX_HEADER_BYTES = 1 << 20;

export type Stanza = { args: string[]; body: Buffer };

export type ParsedHeader = {
  stanzas: Stanza[];
  mac: Buffer;
  /** Bytes covered by the MAC: the header up to and including `---`. */
  macInput: Buffer;
  /** Offset of the first payload byte. */
  end: number;
};

const NEED_MORE = 'need-more' as const;

/** Lines of a buffer, each ending at LF; `null` when the buffer ends before the next LF. */
class LineReader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  next(): { text: string; start: number } | null {
    const lf = this.buf.indexOf(0x0a, this.pos);
    if (lf < 0) return null;
    const start = this.pos;
    this.pos = lf + 1;
    return { text: this.buf.toString('latin1', start, lf), start };
  }
}

function isVisibleAscii(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/**
 * Parses the header at the start of `buf`. Returns 'need-more' while the header may still be completed
 * by more input; `complete` says no more input will come.
 */
export function parseHeader(buf: Buffer, complete: boolean): ParsedHeader | typeof NEED_MORE {
  const probe = buf.toString('latin1', 0, Math.min(buf.length, VERSION_PREFIX.length));
  if (!VERSION_PREFIX.startsWith(probe)) throw headerInvalid('不是 age 加密文件（缺少 age-encryption.org 版本行）');
  const lines = new LineReader(buf);
  const incomplete = () => {
    if (complete) throw headerInvalid('文件在文件头结束前就结束了');
    if (buf.length > MAX_HEADER_BYTES) throw headerInvalid(`文件头超过 ${MAX_HEADER_BYTES} 字节`);
    return NEED_MORE;
  };

  const version = lines.next();
  if (!version) return incomplete();
  if (version.text !== VERSION_LINE) throw headerInvalid(`不支持的版本 "${version.text.slice(0, 40)}"，本程序只读 age v1`);

  const stanzas: Stanza[] = [];
  for (;;) {
    const line = lines.next();
    if (!line) return incomplete();
    if (line.text.startsWith(MAC_MARK)) {
      if (stanzas.length === 0) throw headerInvalid('没有任何接收方条目');
      const mac = line.text.startsWith(`${MAC_MARK} `) ? decodeBase64(line.text.slice(MAC_MARK.length + 1)) : null;
      if (!mac || mac.length !== 32) throw headerInvalid('MAC 行格式不正确');
      return { stanzas, mac, macInput: buf.subarray(0, line.start + MAC_MARK.length), end: lines.pos };
    }
    if (!line.text.startsWith(STANZA_MARK)) throw headerInvalid('出现了无法识别的行');
    const args = line.text.slice(STANZA_MARK.length).split(' ');
    if (!args.every(isVisibleAscii)) throw headerInvalid('接收方条目的参数为空或含有不允许的字符');
    const body = readBody(lines);
    if (body === null) return incomplete();
    stanzas.push({ args, body });
  }
}

/** Body lines up to and including the first one shorter than 64 columns (which may be empty). */
function readBody(lines: LineReader): Buffer | null {
  let text = '';
  for (;;) {
    const line = lines.next();
    if (!line) return null;
    if (line.text.length > BODY_COLUMNS) throw headerInvalid('接收方条目正文的行超过 64 列');
    text += line.text;
    if (line.text.length < BODY_COLUMNS) break;
  }
  const body = decodeBase64(text);
  if (!body) throw headerInvalid('接收方条目正文不是规范的 base64');
  return body;
}

/** The header text up to and including `---` (what the MAC covers). */
export function formatHeaderForMac(stanzas: readonly Stanza[]): Buffer {
  const parts = [`${VERSION_LINE}\n`];
  for (const s of stanzas) {
    parts.push(`${STANZA_MARK}${s.args.join(' ')}\n`);
    const body = encodeBase64(s.body);
    for (let i = 0; i <= body.length; i += BODY_COLUMNS) parts.push(`${body.slice(i, i + BODY_COLUMNS)}\n`);
  }
  parts.push(MAC_MARK);
  return Buffer.from(parts.join(''), 'latin1');
}

export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  const key = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  return createHmac('sha256', key).update(macInput).digest();
}

export function headerMacMatches(fileKey: Uint8Array, header: ParsedHeader): boolean {
  return timingSafeEqual(headerMac(fileKey, header.macInput), header.mac);
}

/** The complete header: text, MAC line, ready to be followed by the payload. */
export function formatHeader(fileKey: Uint8Array, stanzas: readonly Stanza[]): Buffer {
  const macInput = formatHeaderForMac(stanzas);
  return Buffer.concat([macInput, Buffer.from(` ${encodeBase64(headerMac(fileKey, macInput))}\n`, 'latin1')]);
}
