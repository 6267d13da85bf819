import { randomBytes } from 'node:crypto';

/**
 * RFC 9562 UUID version 7: 48-bit Unix milliseconds, then random bits. Time-ordered ids keep event logs
 * and exchanged bundles roughly sorted by creation without trusting them for ordering (the HLC does that).
 */
export function uuidv7(nowMs: number = Date.now()): string {
  const b = randomBytes(16);
  const ms = BigInt(nowMs);
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * `count` RFC 9562 version 7 UUIDs for one instant, from one call for random bytes instead of one per id
 * (the layout is uuidv7's: 48-bit milliseconds, version 7, variant 10, random rest).
 */
export function uuidv7Batch(count: number, nowMs: number): string[] {
  const random = randomBytes(16 * count);
  const ms = BigInt(nowMs);
  const time = Buffer.alloc(6);
  for (let i = 0; i < 6; i++) time[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  const ids = new Array<string>(count);
  for (let n = 0; n < count; n++) {
    const b = random.subarray(16 * n, 16 * n + 16);
    time.copy(b, 0);
    b[6] = (b[6]! & 0x0f) | 0x70;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    ids[n] = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return ids;
}
