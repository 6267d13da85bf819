import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { parseMinisignSignature, signMinisign, verifyMinisignSignature } from '../crypto/minisign';
import { keyFingerprint, type PublicKey, type SigningKey } from '../crypto/signing-key';
import { canonicalJsonBytes } from '../util/canonical-json';

/**
 * The intake's answer for one (uuid, sha512), signed with the intake's own Ed25519 key. Only a receipt
 * whose signature checks against the key pinned in the base proves delivery: anything on the path
 * (a captive portal, a fake endpoint, a proxy) can echo uuid and sha512, nobody without the key can sign.
 */
export const RECEIPT_VERSION = 'basedesk-intake/2';

const errorSchema = z.object({ code: z.string(), file: z.string().optional(), message: z.string() });

const fieldsSchema = z.object({
  receipt: z.literal(RECEIPT_VERSION),
  uuid: z.string(),
  sha512: z.string().regex(/^[0-9a-f]{128}$/),
  /** Size in bytes of the file the intake received. */
  bytes: z.number().int().nonnegative(),
  receivedAt: z.string(),
  status: z.enum(['accepted', 'rejected']),
  duplicate: z.boolean().optional(),
  errors: z.array(errorSchema).optional(),
  /** Accepted, but worth a look (e.g. PKG_SEQUENCE_BACKWARDS). */
  warnings: z.array(errorSchema).optional(),
});

export const receiptSchema = fieldsSchema.extend({
  /** minisign signature (4 lines) over receiptSignedBytes(): canonical JSON of every other field. */
  signature: z.string(),
});

export type Receipt = z.infer<typeof receiptSchema>;
export type ReceiptFields = Omit<z.infer<typeof fieldsSchema>, 'receipt'>;

/** What the signature covers: the receipt without its signature, as canonical JSON. */
export function receiptSignedBytes(r: Omit<Receipt, 'signature'> | Receipt): Buffer {
  const { signature: _s, ...fields } = r as Receipt;
  void _s;
  return canonicalJsonBytes(fields);
}

export function signReceipt(fields: ReceiptFields, key: SigningKey): Receipt {
  const body = { receipt: RECEIPT_VERSION, ...fields } as const;
  const signature = signMinisign(receiptSignedBytes(body), key, {
    trustedComment: `basedesk-receipt uuid:${fields.uuid} status:${fields.status}`,
    untrustedComment: `receipt signature from BaseDesk intake key ${keyFingerprint(key)}`,
  });
  return { ...body, signature };
}

export type ExpectedReceipt = { uuid: string; sha512: string; bytes: number };

/**
 * Accepts a body only if it is a receipt for exactly this package, signed by one of `receiptKeys`.
 * Codes: UPLOAD_NO_RECEIPT (not a receipt at all: an HTML login page, an empty 200), UPLOAD_RECEIPT_UNSIGNED
 * (receipt-shaped but unsigned), UPLOAD_RECEIPT_SIGNATURE (signature by another key, or the body was
 * changed after signing), UPLOAD_RECEIPT_MISMATCH (a genuine receipt about another package or other bytes).
 */
export function checkReceipt(body: unknown, expected: ExpectedReceipt, receiptKeys: readonly PublicKey[]): Receipt {
  const parsed = receiptSchema.safeParse(body);
  if (!parsed.success) {
    if (fieldsSchema.safeParse(body).success) throw unsigned(expected.uuid);
    throw new AppError(
      'UPLOAD_NO_RECEIPT',
      '服务器没有返回有效的接收回执（可能连到了 Wi-Fi 登录页或其他网站）。数据包仍保留在待发送队列中，请检查网络后重试。',
      { uuid: expected.uuid },
    );
  }
  const r = parsed.data;
  verifyReceiptSignature(r, receiptKeys, expected.uuid);
  if (r.uuid !== expected.uuid || r.sha512 !== expected.sha512.toLowerCase() || r.bytes !== expected.bytes) {
    throw new AppError(
      'UPLOAD_RECEIPT_MISMATCH',
      '服务器返回的回执与本数据包不符（编号、校验值或大小不同），不能视为已送达。数据包仍保留在待发送队列中，请联系接收方核实。',
      { uuid: expected.uuid, receiptUuid: r.uuid, receiptSha512: r.sha512, receiptBytes: r.bytes },
    );
  }
  return r;
}

function verifyReceiptSignature(r: Receipt, receiptKeys: readonly PublicKey[], uuid: string): void {
  let sig;
  try {
    sig = parseMinisignSignature(r.signature);
  } catch {
    throw unsigned(uuid);
  }
  const v = verifyMinisignSignature(receiptSignedBytes(r), sig, receiptKeys);
  if (!v.ok) {
    throw new AppError(
      'UPLOAD_RECEIPT_SIGNATURE',
      v.code === 'SIG_UNKNOWN_KEY'
        ? `回执不是由已登记的接收方密钥签名的（签名密钥 ${v.keyFingerprint}），不能视为已送达。数据包仍保留在待发送队列中；请核实接收地址，或向省里核对接收方公钥。`
        : '回执的签名无效（回执在签名后被改动过），不能视为已送达。数据包仍保留在待发送队列中，请核实接收地址。',
      { uuid, keyFingerprint: v.keyFingerprint },
    );
  }
}

function unsigned(uuid: string): AppError {
  return new AppError(
    'UPLOAD_RECEIPT_UNSIGNED',
    '服务器返回的回执没有接收方签名，不能视为已送达（可能不是真正的接收服务）。数据包仍保留在待发送队列中，请核实接收地址。',
    { uuid },
  );
}
