import { randomBytes } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { z } from 'zod';
import { receiptSchema, type Receipt, type ReceiptFields } from './receipt';

/**
 * The reference intake's memory, one JSON file: which package uuids were accepted with which bytes,
 * the receipts it gave, and which tus uploads it already processed. Written atomically (temp file,
 * fsync, rename) so a crash leaves either the old or the new index, never half of one.
 */
const acceptedSchema = z.object({
  uuid: z.string(),
  sha512: z.string(),
  bagSha512: z.string(),
  file: z.string(),
  receivedAt: z.string(),
  baseCode: z.string(),
  kind: z.string(),
  sequence: z.number(),
  bytes: z.number(),
});

const indexSchema = z.object({
  version: z.literal(2),
  packages: z.record(z.string(), acceptedSchema),
  receipts: z.record(z.string(), z.record(z.string(), receiptSchema)),
  processedUploads: z.record(z.string(), z.string()),
});

/** Just the version, to pick the schema that reads the rest. */
const indexVersion = z.looseObject({ version: z.unknown() });

/** Version 1 kept unsigned receipts; only what it accepted is carried over (and signed again). */
const indexV1Schema = z.object({
  version: z.literal(1),
  packages: z.record(z.string(), acceptedSchema),
  processedUploads: z.record(z.string(), z.string()),
});

export type AcceptedPackage = z.infer<typeof acceptedSchema>;
export type IntakeIndexData = z.infer<typeof indexSchema>;

export class IntakeIndex {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly path: string,
    readonly data: IntakeIndexData,
  ) {}

  static async load(path: string, sign: (fields: ReceiptFields) => Receipt): Promise<IntakeIndex> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        return new IntakeIndex(path, { version: 2, packages: {}, receipts: {}, processedUploads: {} });
      }
      throw e;
    }
    // A damaged index must stop the server, not silently forget what was accepted (that would reopen replays).
    const raw: unknown = JSON.parse(text);
    if (indexVersion.safeParse(raw).data?.version === 1) return IntakeIndex.fromV1(path, indexV1Schema.parse(raw), sign);
    return new IntakeIndex(path, indexSchema.parse(raw));
  }

  private static fromV1(path: string, v1: z.infer<typeof indexV1Schema>, sign: (f: ReceiptFields) => Receipt): IntakeIndex {
    const index = new IntakeIndex(path, {
      version: 2,
      packages: v1.packages,
      receipts: {},
      processedUploads: v1.processedUploads,
    });
    for (const p of Object.values(v1.packages)) {
      index.setReceipt(sign({ uuid: p.uuid, sha512: p.sha512, bytes: p.bytes, receivedAt: p.receivedAt, status: 'accepted' }));
    }
    return index;
  }

  receipt(uuid: string, sha512: string): Receipt | undefined {
    return this.data.receipts[uuid]?.[sha512];
  }

  setReceipt(r: Receipt): void {
    (this.data.receipts[r.uuid] ??= {})[r.sha512] = r;
  }

  save(): Promise<void> {
    const snapshot = JSON.stringify(this.data, null, 1);
    this.saving = this.saving
      .catch(() => {})
      .then(async () => {
        const tmp = `${this.path}.${randomBytes(4).toString('hex')}.tmp`;
        const fh = await open(tmp, 'w', 0o600);
        try {
          await fh.writeFile(snapshot, 'utf8');
          await fh.sync();
        } finally {
          await fh.close();
        }
        await rename(tmp, this.path);
      });
    return this.saving;
  }
}
