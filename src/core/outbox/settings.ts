import { AppError } from '../../shared/errors';
import type { Tx } from '../context';
import { assertAgeRecipients } from '../crypto/age';

export const SETTING_ENDPOINT = 'endpoint';
export const SETTING_RECIPIENT = 'province_recipient';

export async function getSetting(tx: Tx, key: string): Promise<string | null> {
  const row = await tx.selectFrom('outbox_settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(tx: Tx, key: string, value: string | null, now: string): Promise<void> {
  if (value === null) {
    await tx.deleteFrom('outbox_settings').where('key', '=', key).execute();
    return;
  }
  await tx
    .insertInto('outbox_settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** An http(s) URL without credentials, query or fragment; trailing slashes dropped. */
export function normaliseEndpoint(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw endpointError(url);
  }
  if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password || u.search || u.hash) {
    throw endpointError(url);
  }
  return u.href.replace(/\/+$/, '');
}

function endpointError(url: string): AppError {
  return new AppError(
    'OUTBOX_ENDPOINT_INVALID',
    `接收地址“${url.slice(0, 100)}”不正确：应为 http:// 或 https:// 开头的网址（不含用户名、密码、? 或 #），例如 https://intake.example.cn/basedesk。`,
  );
}

/**
 * An age recipient from what people paste or pick: the key itself or a file holding exactly one
 * (comment lines starting with # are ignored). An identity (secret key) is refused, never stored.
 */
export function parseAgeRecipient(text: string): string {
  if (/AGE-SECRET-KEY-/i.test(text)) {
    throw new AppError(
      'AGE_RECIPIENT_IS_SECRET',
      '这是 age 私钥（AGE-SECRET-KEY-1…），不是公钥。私钥只应留在省级接收方；请向对方索取以 age1 开头的公钥。',
    );
  }
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length !== 1) {
    throw new AppError('AGE_RECIPIENT_INVALID', '接收方公钥应为一行以 age1 开头的 age 公钥（或只含一个这样公钥的文件）。');
  }
  assertAgeRecipients([lines[0]!]);
  return lines[0]!;
}
