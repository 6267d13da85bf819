/**
 * A small streaming XML tokenizer for the parts of an .xlsx. It works on the UTF-8 bytes as they come out of
 * the inflater, so memory stays at one chunk however large the sheet is, and every piece of text it hands
 * out is decoded from the bytes into a fresh string (a slice of a big decoded chunk would keep the whole
 * chunk alive for as long as the cell lives). It knows only what spreadsheet parts use: elements,
 * attributes, text, CDATA, comments and the XML declaration. A DOCTYPE is refused outright, so no entity
 * can be declared (no XXE, no billion laughs); the five predefined entities and character references are
 * decoded, anything else is an error. Namespace prefixes are dropped from element names (some writers
 * emit `<x:row>`), which is all the namespace handling these parts need.
 */

export type XmlHandler = {
  open(name: string, scan: XmlScanner): void;
  close(name: string): void;
  /** Only called while `wantText` is true. */
  text(text: string): void;
  /** Whether the text between tags matters right now (inside a value); other text is skipped undecoded. */
  wantText(): boolean;
};

export class XmlSyntaxError extends Error {}

/** `onTooLong` throws the caller's own error (a budget, not a syntax problem). */
export type TextLimit = { maxBytes: number; onTooLong: () => never };

/** For parts read only for their attributes: no text is ever collected. */
export const NO_TEXT: TextLimit = {
  maxBytes: 0,
  onTooLong: () => {
    throw new XmlSyntaxError('unexpected text');
  },
};

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const EQ = 0x3d;
const AMP = 0x26;
/** No tag in a spreadsheet part comes near this; a longer one is a broken or hostile file. */
const MAX_TAG_BYTES = 1024 * 1024;
const EMPTY = Buffer.alloc(0);

export class XmlScanner {
  private carry: Buffer = EMPTY;
  private textParts: Buffer[] = [];
  private textBytes = 0;
  private pending: string | null = null;
  // The tag being reported, for attr(): its bytes and where its attributes start and end.
  private tagBuf: Buffer = EMPTY;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(
    private readonly handler: XmlHandler,
    /** The longest text node allowed, in bytes; a longer one is refused while it is still arriving. */
    private readonly textLimit: TextLimit,
  ) {}

  write(chunk: Buffer): void {
    const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = EMPTY;
    let pos = 0;
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf(LT, pos);
      if (lt === -1) {
        this.pendText(buf, pos, n, false);
        return;
      }
      if (lt > pos) this.pendText(buf, pos, lt, true);
      const end = this.markup(buf, lt);
      if (end === -1) {
        if (n - lt > MAX_TAG_BYTES) throw new XmlSyntaxError('tag too long');
        this.carry = Buffer.from(buf.subarray(lt));
        return;
      }
      pos = end;
    }
  }

  end(): void {
    if (this.carry.length > 0) throw new XmlSyntaxError('unexpected end of document');
  }

  /**
   * The value of an attribute of the element just opened (local name match, prefix ignored), decoded.
   * Works on the bytes: most tags are asked for one or two short attributes, and decoding the whole tag
   * each time was the reader's largest cost.
   */
  attr(name: string): string | undefined {
    const buf = this.tagBuf;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      while (i < end && isSpace(buf[i]!)) i++;
      const keyStart = i;
      while (i < end && buf[i] !== EQ && !isSpace(buf[i]!)) i++;
      const keyEnd = i;
      while (i < end && buf[i] !== QUOTE && buf[i] !== APOS) i++;
      const quote = buf[i];
      if (i >= end || quote === undefined) return undefined;
      const close = buf.indexOf(quote, i + 1);
      if (close === -1 || close > end) throw new XmlSyntaxError('unterminated attribute');
      if (keyEnd > keyStart && localNameIs(buf, keyStart, keyEnd, name)) return decodeValue(buf, i + 1, close);
      i = close + 1;
    }
    return undefined;
  }

  /**
   * Text before a tag in the same chunk (`complete`, the usual case) is decoded at once; text running to
   * the end of a chunk is copied (the next chunk replaces this one) and joined when its end arrives.
   */
  private pendText(buf: Buffer, from: number, to: number, complete: boolean): void {
    if (!this.handler.wantText()) return;
    this.textBytes += to - from;
    if (this.textBytes > this.textLimit.maxBytes) this.textLimit.onTooLong();
    if (complete && this.textParts.length === 0 && this.pending === null) {
      this.pending = buf.toString('utf8', from, to);
      return;
    }
    if (this.pending !== null) {
      this.textParts.push(Buffer.from(this.pending, 'utf8'));
      this.pending = null;
    }
    this.textParts.push(Buffer.from(buf.subarray(from, to)));
  }

  private flushText(): void {
    let text: string;
    if (this.pending !== null) {
      text = this.pending;
      this.pending = null;
    } else if (this.textParts.length > 0) {
      text = (this.textParts.length === 1 ? this.textParts[0]! : Buffer.concat(this.textParts)).toString('utf8');
      this.textParts = [];
    } else return;
    this.textBytes = 0;
    this.handler.text(normalizeNewlines(decodeEntities(text)));
  }

  /** Handle the markup starting at `lt`; the position after it, or -1 when it is not complete yet. */
  private markup(buf: Buffer, lt: number): number {
    const next = buf[lt + 1];
    if (next === undefined) return -1;
    if (next === QMARK) return endOf(buf, '?>', lt);
    if (next === BANG) return this.bang(buf, lt);
    this.flushText();
    if (next === SLASH) {
      const gt = buf.indexOf(GT, lt);
      if (gt === -1) return -1;
      let nameEnd = lt + 2;
      while (nameEnd < gt && !isSpace(buf[nameEnd]!)) nameEnd++;
      this.handler.close(names.of(buf, lt + 2, nameEnd));
      return gt + 1;
    }
    const gt = tagEnd(buf, lt);
    if (gt === -1) return -1;
    const selfClosing = buf[gt - 1] === SLASH;
    let nameEnd = lt + 1;
    while (nameEnd < gt && !isSpace(buf[nameEnd]!) && buf[nameEnd] !== SLASH) nameEnd++;
    const name = names.of(buf, lt + 1, nameEnd);
    this.tagBuf = buf;
    this.attrStart = nameEnd;
    this.attrEnd = selfClosing ? gt - 1 : gt;
    this.handler.open(name, this);
    if (selfClosing) this.handler.close(name);
    return gt + 1;
  }

  private bang(buf: Buffer, lt: number): number {
    if (startsWith(buf, lt, '<!--')) return endOf(buf, '-->', lt);
    if (startsWith(buf, lt, '<![CDATA[')) {
      const end = buf.indexOf(']]>', lt);
      if (end === -1) return -1;
      if (this.handler.wantText()) {
        if (this.pending !== null) this.textParts.push(Buffer.from(this.pending, 'utf8'));
        this.pending = null;
        this.textParts.push(Buffer.from(escapeForDecode(buf.toString('utf8', lt + 9, end))));
      }
      return end + 3;
    }
    if (buf.length - lt < 9) return -1;
    // DOCTYPE and anything else: entity declarations are how XXE and billion-laughs attacks work.
    throw new XmlSyntaxError('DOCTYPE or declaration not allowed');
  }
}

function endOf(buf: Buffer, marker: string, from: number): number {
  const i = buf.indexOf(marker, from);
  return i === -1 ? -1 : i + marker.length;
}

function startsWith(buf: Buffer, at: number, s: string): boolean {
  if (buf.length - at < s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The '>' closing the tag that starts at `lt`, skipping any inside quoted attribute values. */
function tagEnd(buf: Buffer, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < buf.length; i++) {
    const c = buf[i]!;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOTE || c === APOS) quote = c;
    else if (c === GT) return i;
    else if (c === LT) throw new XmlSyntaxError('"<" inside a tag');
  }
  return -1;
}

/** Whether bytes [start, end) are `name`, or `prefix:name`. */
function localNameIs(buf: Buffer, start: number, end: number, name: string): boolean {
  const from = end - name.length;
  if (from < start || (from > start && buf[from - 1] !== COLON)) return false;
  for (let k = 0; k < name.length; k++) if (buf[from + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** Values this short (cell types, style numbers) repeat millions of times: made once, like names. */
const SHORT_VALUE = 3;

function decodeValue(buf: Buffer, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = buf[k]!;
    if (c >= 0x80 || c === AMP) return decodeEntities(buf.toString('utf8', start, end));
  }
  return end - start <= SHORT_VALUE ? shortValues.of(buf, start, end) : buf.toString('latin1', start, end);
}

/**
 * Element names without their prefix, as strings made once: a sheet has a few kinds of element and
 * millions of tags, so each tag's name is looked up by its bytes instead of decoded into a new string.
 */
class NameTable {
  private readonly byHash = new Map<number, { bytes: Buffer; name: string }[]>();
  private size = 0;

  constructor(private readonly dropPrefix: boolean) {}

  of(buf: Buffer, start: number, end: number): string {
    let from = start;
    if (this.dropPrefix) for (let k = start; k < end; k++) if (buf[k] === COLON) from = k + 1;
    let h = end - from;
    for (let k = from; k < end; k++) h = (Math.imul(h, 31) + buf[k]!) | 0;
    const bucket = this.byHash.get(h);
    if (bucket) {
      for (const e of bucket) if (sameBytes(e.bytes, buf, from, end)) return e.name;
    }
    const name = buf.toString('utf8', from, end);
    // Names come from the file: cap what is remembered so odd files cannot grow the table without end.
    if (this.size < 1000) {
      this.size++;
      const entry = { bytes: Buffer.from(buf.subarray(from, end)), name };
      if (bucket) bucket.push(entry);
      else this.byHash.set(h, [entry]);
    }
    return name;
  }
}

function sameBytes(a: Buffer, buf: Buffer, from: number, end: number): boolean {
  if (a.length !== end - from) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== buf[from + k]) return false;
  return true;
}

const names = new NameTable(true);
const shortValues = new NameTable(false);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&]{0,10});/g, (_m, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw new XmlSyntaxError('bad character reference');
      return String.fromCodePoint(code);
    }
    const v = NAMED[ref];
    if (v === undefined) throw new XmlSyntaxError('undeclared entity');
    return v;
  });
}

/** CDATA text is literal: escape its '&' so the shared decoding step gives it back unchanged. */
function escapeForDecode(s: string): string {
  return s.replace(/&/g, '&amp;');
}

/** XML turns CRLF and a lone CR into LF before anything reads the text. */
function normalizeNewlines(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
