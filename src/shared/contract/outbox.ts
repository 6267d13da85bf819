import { z } from 'zod';
import { op, perm } from './define';

export type PackageKindName = 'confirmations' | 'scores' | 'admissions' | 'rotation-plans' | 'exam-registrations';
export const PACKAGE_KINDS = ['confirmations', 'scores', 'admissions', 'rotation-plans', 'exam-registrations'] as const;

export type OutboxState = 'queued' | 'uploading' | 'delivered' | 'failed' | 'rejected';
export type Connectivity = 'online' | 'offline' | 'not-intake' | 'unconfigured';

/** The words the command line says them in (the screens have their own, in both languages). */
const PACKAGE_KIND_LABELS: Record<PackageKindName, string> = {
  confirmations: '现场确认结果',
  scores: '考核成绩',
  admissions: '录取名单',
  'rotation-plans': '轮转计划',
  'exam-registrations': '结业考核报名',
};

/** A package kind in words; one this version does not know (a newer version's, a received package's) as stored. */
export const packageKindLabel = (kind: string): string => PACKAGE_KIND_LABELS[kind as PackageKindName] ?? kind;

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  queued: '待发送',
  uploading: '发送中',
  delivered: '已送达',
  failed: '发送失败',
  rejected: '被拒收',
};

export const CONNECTIVITY_LABELS: Record<Connectivity, string> = {
  online: '接收方在线',
  offline: '离线',
  'not-intake': '地址不是接收服务',
  unconfigured: '未设置接收地址',
};

export type SigningKeyView = {
  keyId: string;
  fingerprint: string;
  /** The minisign public key file (two lines), for registration with the province. */
  publicKeyMinisign: string;
  status: 'active' | 'retired';
  createdAt: string;
  retiredAt: string | null;
  /** How the secret half is sealed here ('passphrase-scrypt', 'electron-safestorage'). */
  sealedWith: string[];
};

export type TrustedKeyView = { keyId: string; fingerprint: string; label: string; addedAt: string };

export type KeysView = {
  active: SigningKeyView | null;
  retired: SigningKeyView[];
  provinceRecipient: string | null;
  trusted: TrustedKeyView[];
  endpoint: string | null;
  /** The intake's receipt-signing public key pinned here (minisign fingerprint), or null: no push without it. */
  intakeKey: string | null;
  /** Scheme of the protector this process would use ('passphrase-scrypt', 'electron-safestorage') or null. */
  protector: string | null;
};

export type OutboxHistoryEntry = {
  from: OutboxState | null;
  to: OutboxState;
  at: string;
  actor: string;
  reason: string | null;
  errorCode: string | null;
};

export type OutboxItem = {
  uuid: string;
  kind: string;
  sequence: number;
  cohortYear: number;
  baggingDate: string;
  fileName: string;
  encrypted: boolean;
  sha512: string;
  bytes: number;
  payloadFiles: number;
  recordCounts: Record<string, number>;
  keyFingerprint: string;
  state: OutboxState;
  attempts: number;
  lastError: { code: string; message: string } | null;
  receivedAt: string | null;
  createdAt: string;
  createdBy: string;
  /** Bytes sent in the upload running now (null when none). */
  progress: { sent: number; total: number } | null;
  history: OutboxHistoryEntry[];
};

export type PackageKindView = { kind: PackageKindName; ready: boolean; reason: string | null };

export type OutboxStatus = {
  endpoint: string | null;
  connectivity: Connectivity;
  pushing: boolean;
  counts: Record<OutboxState, number>;
  items: Array<{ uuid: string; state: OutboxState; progress: { sent: number; total: number } | null }>;
};

export type PushResult = {
  connectivity: Connectivity;
  results: Array<{ uuid: string; state: OutboxState; errorCode: string | null; message: string | null }>;
};

export type VerifyFinding = { code: string; file?: string; message: string };

export type VerifyOutcome =
  | {
      ok: true;
      uuid: string;
      baseCode: string;
      baseName: string;
      kind: string;
      sequence: number;
      baggingDate: string;
      sha512: string;
      files: number;
      bytes: number;
      recordCounts: Record<string, number>;
      encrypted: boolean;
      keyFingerprint: string;
      duplicate: boolean;
      recorded: boolean;
      /** Accepted, but worth a look: PKG_SEQUENCE_BACKWARDS (older than one already received). */
      warnings: VerifyFinding[];
    }
  | { ok: false; errors: VerifyFinding[] };

export type ExportedPackage = { dir: string; files: string[]; sha512: string };

const FileUpload = z.strictObject({ fileName: z.string().min(1).max(255), contentBase64: z.string() });
const reason = z.string().trim().max(500);
/**
 * The signing-key passphrase typed in the UI where no OS keychain seals the key (`basedesk serve`). Used
 * for this one call only: never stored, logged or written to the audit trail. Strength is checked in the
 * core when a key is sealed, not when one is opened (an existing key keeps its passphrase).
 */
const passphrase = z.string().max(1024).optional();
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '数据包编号格式不正确');

/** Where a package build is: reading the records, writing (and signing) the bag, queuing it. */
export type BuildStage = 'preparing' | 'collecting' | 'writing' | 'queuing' | 'done' | 'failed';
export type BuildProgress = { stage: BuildStage; writtenBytes: number; payloadBytes: number | null };

export const outboxOps = {
  'keys.init': op<KeysView>()({
    input: z.strictObject({ passphrase }),
    access: perm('keys.manage'),
    summary: '生成本基地签名密钥（已有则不变）',
  }),
  'keys.show': op<KeysView>()({
    input: z.strictObject({}),
    access: perm('keys.manage'),
    summary: '签名密钥、省级接收方公钥与受信任公钥',
  }),
  'keys.exportPublic': op<{ fileName: string; text: string; fingerprint: string }>()({
    input: z.strictObject({ keyId: z.string().optional() }),
    access: perm('keys.manage'),
    summary: '导出签名公钥（minisign 格式）',
  }),
  'keys.rotate': op<KeysView>()({
    input: z.strictObject({ reason: reason.min(1, '更换密钥需要填写原因'), passphrase }),
    access: perm('keys.manage'),
    summary: '更换签名密钥（旧公钥保留用于核验旧数据包）',
  }),
  'keys.setRecipient': op<KeysView>()({
    input: z.strictObject({ recipient: z.string().trim().min(1).max(2000), reason: reason.optional() }),
    access: perm('keys.manage'),
    summary: '导入省级接收方的 age 公钥',
  }),
  'keys.setIntakeKey': op<KeysView>()({
    input: z.strictObject({ publicKey: z.string().trim().min(1).max(2000), reason: reason.optional() }),
    access: perm('keys.manage'),
    summary: '登记接收方（省级）的回执签名公钥',
  }),
  'keys.trust': op<KeysView>()({
    input: z.strictObject({ publicKey: z.string().trim().min(1).max(2000), label: z.string().trim().min(1).max(100) }),
    access: perm('keys.manage'),
    summary: '添加受信任的其他基地/工作站公钥',
  }),
  'keys.untrust': op<KeysView>()({
    input: z.strictObject({ keyId: z.string(), reason: reason.optional() }),
    access: perm('keys.manage'),
    summary: '移除受信任公钥',
  }),
  'package.kinds': op<PackageKindView[]>()({
    input: z.strictObject({}),
    access: perm('package.build'),
    summary: '可生成的数据包种类',
  }),
  'package.build': op<OutboxItem>()({
    input: z.strictObject({
      kind: z.enum(PACKAGE_KINDS),
      /** An age public key (age1...) or the text of a file holding one. */
      encryptTo: z.string().trim().max(2000).optional(),
      /** Encrypt to the imported provincial recipient key; the default once one is imported (false: in clear). */
      encryptToProvince: z.boolean().optional(),
      passphrase,
      /** Chosen by the screen, which polls `package.buildProgress` with it while the build runs. */
      progressId: z.string().min(8).max(64).optional(),
    }),
    access: perm('package.build'),
    summary: '生成签名报送包并放入待发件箱',
  }),
  'package.buildProgress': op<BuildProgress | null>()({
    input: z.strictObject({ progressId: z.string().min(8).max(64) }),
    access: perm('package.build'),
    summary: '数据包生成进度',
  }),
  'package.verify': op<VerifyOutcome>()({
    input: FileUpload.extend({
      /** A minisign public key to pin; default: this base's keys and the trusted keys. */
      pubkey: z.string().max(2000).optional(),
      /** age identity (AGE-SECRET-KEY-1...) for an encrypted package. */
      identity: z.string().max(2000).optional(),
      /** Record the package as accepted (replays with other bytes are then refused). Default true. */
      record: z.boolean().optional(),
    }),
    access: perm('package.verify'),
    summary: '核验收到的数据包（签名、完整性、重放）',
  }),
  'outbox.list': op<OutboxItem[]>()({ input: z.strictObject({}), access: perm('package.build'), summary: '待发件箱' }),
  'outbox.status': op<OutboxStatus>()({
    input: z.strictObject({}),
    access: perm('package.build'),
    summary: '联网状态与各数据包发送进度',
  }),
  'outbox.push': op<PushResult>()({
    input: z.strictObject({ uuid: uuid.optional() }),
    access: perm('outbox.push'),
    summary: '发送待发件箱中的数据包（断点续传，凭回执确认送达）',
  }),
  'outbox.setEndpoint': op<KeysView>()({
    input: z.strictObject({
      url: z.string().trim().max(500).nullable(),
      /** Allow plain http:// to another machine (packages and receipts then travel unprotected). */
      allowHttp: z.boolean().optional(),
    }),
    access: perm('outbox.push'),
    summary: '设置省级接收地址',
  }),
  'outbox.export': op<ExportedPackage>()({
    input: z.strictObject({ uuid, dir: z.string().min(1).max(1000) }),
    access: perm('package.build'),
    summary: '把数据包导出到文件夹或 U 盘',
  }),
  'outbox.download': op<{ fileName: string; contentBase64: string; sha512: string; sidecar: string }>()({
    input: z.strictObject({ uuid }),
    access: perm('package.build'),
    summary: '下载数据包文件',
  }),
  'outbox.requeue': op<OutboxItem>()({
    input: z.strictObject({ uuid, reason: reason.min(1, '重新排队需要填写原因') }),
    access: perm('outbox.push'),
    summary: '把被拒收的数据包重新放回发送队列',
  }),
};
