/**
 * GB18030 encoder for test files (what Excel on Chinese Windows writes). TextEncoder only does UTF-8, so the
 * reverse map is built once, lazily, by decoding every two-byte code (lead 0x81-0xFE, trail 0x40-0xFE
 * except 0x7F) with the platform's decoder: the encoder then agrees with the decoder by construction.
 * Four-byte sequences (rare characters, emoji) are not needed for generated names and throw.
 */
let reverse: Map<number, number> | null = null;

function reverseMap(): Map<number, number> {
  if (reverse) return reverse;
  const map = new Map<number, number>();
  const decoder = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      if (s.length !== 1 || s === '\uFFFD') continue;
      const cp = s.charCodeAt(0);
      if (!map.has(cp)) map.set(cp, (lead << 8) | trail);
    }
  }
  reverse = map;
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  const map = reverseMap();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = map.get(cp);
    if (code === undefined) {
      throw new Error(`字符「${text[i]}」(U+${cp.toString(16).toUpperCase()}) 不在 GBK 双字节范围内，测试数据编码器不支持`);
    }
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}
