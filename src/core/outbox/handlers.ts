import type { outboxOps } from '../../shared/contract/outbox';
import { buildProgress, trackBuild } from './build-progress';
import { actorOf, defineHandlers } from '../api/handler';
import { decodeFile } from '../util/file-input';
import { buildAndQueue } from './build';
import {
  ensureSigningKey,
  exportPublicKey,
  keysView,
  rotateSigningKey,
  setEndpoint,
  setIntakeKey,
  setProvinceRecipient,
  trustKey,
  untrustKey,
} from './keys';
import { missingTables, packageKinds } from './kinds';
import { downloadPackage, exportPackage, outboxItem, outboxItems, outboxStatus, pushOutbox, requeuePackage } from './outbox';
import { verifyReceivedBytes } from './received';
import { getSetting, normaliseEndpoint, parseAgeRecipient, SETTING_RECIPIENT } from './settings';
import { AppError } from '../../shared/errors';

export const outboxHandlers = defineHandlers<typeof outboxOps>()({
  'keys.init': async (ctx, input) => {
    await ensureSigningKey(ctx.core, actorOf(ctx), input.passphrase);
    return keysView(ctx.core);
  },
  'keys.show': async (ctx) => keysView(ctx.core),
  'keys.exportPublic': async (ctx, input) => exportPublicKey(ctx.core, input.keyId),
  'keys.rotate': async (ctx, input) => rotateSigningKey(ctx.core, actorOf(ctx), input.reason, input.passphrase),
  'keys.setRecipient': async (ctx, input) => setProvinceRecipient(ctx.core, actorOf(ctx), input.recipient, input.reason),
  'keys.setIntakeKey': async (ctx, input) => setIntakeKey(ctx.core, actorOf(ctx), input.publicKey, input.reason),
  'keys.trust': async (ctx, input) => trustKey(ctx.core, actorOf(ctx), input.publicKey, input.label),
  'keys.untrust': async (ctx, input) => untrustKey(ctx.core, actorOf(ctx), input.keyId, input.reason),

  'package.kinds': async (ctx) =>
    Promise.all(
      packageKinds().map(async (def) => {
        const missing = await missingTables(ctx.core.db, def);
        return {
          kind: def.kind,
          ready: missing.length === 0,
          reason: missing.length ? `缺少数据表：${missing.join('、')}` : null,
        };
      }),
    ),
  'package.build': async (ctx, input) => {
    const recipients: string[] = [];
    if (input.encryptTo) recipients.push(parseAgeRecipient(input.encryptTo));
    const province = await getSetting(ctx.core.db, SETTING_RECIPIENT);
    // Once the province's key is imported, packages go encrypted to it unless the caller says otherwise
    // (encryptToProvince: false): personal data travels in clear only when someone chose so.
    const toProvince = input.encryptToProvince ?? (!input.encryptTo && Boolean(province));
    if (toProvince) {
      if (!province) throw new AppError('KEY_NO_RECIPIENT', '尚未导入省级接收方的 age 公钥，无法加密。请先在“密钥”页面导入。');
      if (!recipients.includes(province)) recipients.push(province);
    }
    const progress = trackBuild(ctx.core, input.progressId);
    try {
      const row = await buildAndQueue(ctx.core, actorOf(ctx), {
        kind: input.kind,
        encryptTo: recipients,
        progress,
        ...(input.passphrase ? { passphrase: input.passphrase } : {}),
      });
      progress.finish(true);
      return await outboxItem(ctx.core, row.uuid);
    } catch (e) {
      progress.finish(false);
      throw e;
    }
  },
  'package.buildProgress': async (ctx, input) => buildProgress(ctx.core, input.progressId),
  'package.verify': async (ctx, input) => {
    const file = decodeFile(input);
    return verifyReceivedBytes(ctx.core, actorOf(ctx), {
      fileName: file.fileName,
      bytes: file.bytes,
      ...(input.pubkey ? { pubkey: input.pubkey } : {}),
      ...(input.identity ? { identity: input.identity } : {}),
      ...(input.record !== undefined ? { record: input.record } : {}),
    });
  },

  'outbox.list': async (ctx) => outboxItems(ctx.core),
  'outbox.status': async (ctx) => outboxStatus(ctx.core),
  'outbox.push': async (ctx, input) => pushOutbox(ctx.core, actorOf(ctx), input.uuid ? { uuid: input.uuid } : {}),
  'outbox.setEndpoint': async (ctx, input) =>
    setEndpoint(
      ctx.core,
      actorOf(ctx),
      input.url === null || input.url === '' ? null : normaliseEndpoint(input.url),
      input.allowHttp ? { allowHttp: true } : {},
    ),
  'outbox.export': async (ctx, input) => exportPackage(ctx.core, actorOf(ctx), input.uuid, input.dir),
  'outbox.download': async (ctx, input) => downloadPackage(ctx.core, input.uuid),
  'outbox.requeue': async (ctx, input) => requeuePackage(ctx.core, actorOf(ctx), input.uuid, input.reason),
});
