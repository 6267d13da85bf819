import { z } from 'zod';
import { AppError } from '../../shared/errors';

/** The intake's answer for one (uuid, sha512). Only this proves delivery. */
export const RECEIPT_VERSION = 'basedesk-intake/1';

export const receiptSchema = z.object({
  receipt: z.literal(RECEIPT_VERSION),
  uuid: z.string(),
  sha512: z.string().regex(/^[0-9a-f]{128}$/),
  receivedAt: z.string(),
  status: z.enum(['accepted', 'rejected']),
  duplicate: z.boolean().optional(),
  errors: z.array(z.object({ code: z.string(), file: z.string().optional(), message: z.string() })).optional(),
});

export type Receipt = z.infer<typeof receiptSchema>;

/**
 * Accepts a body only if it is a receipt for exactly this package. Throws UPLOAD_NO_RECEIPT for
 * anything that is not a receipt (an HTML login page, an empty 200) and UPLOAD_RECEIPT_MISMATCH
 * for a receipt about another package or other bytes.
 */
export function checkReceipt(body: unknown, expected: { uuid: string; sha512: string }): Receipt {
  const parsed = receiptSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError(
      'UPLOAD_NO_RECEIPT',
      '服务器没有返回有效的接收回执（可能连到了 Wi-Fi 登录页或其他网站）。数据包仍保留在待发送队列中，请检查网络后重试。',
      { uuid: expected.uuid },
    );
  }
  const r = parsed.data;
  if (r.uuid !== expected.uuid || r.sha512 !== expected.sha512.toLowerCase()) {
    throw new AppError(
      'UPLOAD_RECEIPT_MISMATCH',
      '服务器返回的回执与本数据包不符（编号或校验值不同），不能视为已送达。数据包仍保留在待发送队列中，请联系接收方核实。',
      { uuid: expected.uuid, receiptUuid: r.uuid, receiptSha512: r.sha512 },
    );
  }
  return r;
}
