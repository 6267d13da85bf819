import { z } from 'zod';
/**
 * Where tus resume information (the upload URL for a package hash) survives an app restart.
 * A plain async key-value interface so the outbox can keep it in its database; values are JSON text.
 */
export type ResumeStore = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Keys starting with prefix, in any order. */
  keys(prefix: string): Promise<string[]>;
};

export function createMemoryResumeStore(
  initial: Record<string, string> = {},
): ResumeStore & { snapshot(): Record<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    get: async (k) => map.get(k) ?? null,
    set: async (k, v) => {
      map.set(k, v);
    },
    delete: async (k) => {
      map.delete(k);
    },
    keys: async (prefix) => [...map.keys()].filter((k) => k.startsWith(prefix)),
    snapshot: () => Object.fromEntries(map),
  };
}

/** tus-js-client's PreviousUpload, as stored. */
export type StoredTusUpload = {
  size: number | null;
  metadata: Record<string, string>;
  creationTime: string;
  uploadUrl: string | null;
  parallelUploadUrls: string[] | null;
  urlStorageKey: string;
};

// tus-js-client stores either uploadUrl or parallelUploadUrls and leaves the other out; keys it adds are kept.
const storedTusUpload = z.looseObject({
  size: z.number().nullable(),
  metadata: z.record(z.string(), z.string()),
  creationTime: z.string(),
  uploadUrl: z.string().nullable().default(null),
  parallelUploadUrls: z.array(z.string()).nullable().default(null),
});

type TusUrlStorage = {
  findAllUploads(): Promise<StoredTusUpload[]>;
  findUploadsByFingerprint(fingerprint: string): Promise<StoredTusUpload[]>;
  removeUpload(urlStorageKey: string): Promise<void>;
  addUpload(fingerprint: string, upload: Omit<StoredTusUpload, 'urlStorageKey'>): Promise<string>;
};

const PREFIX = 'tus::';

/**
 * Adapts a ResumeStore to tus-js-client's urlStorage. One entry per fingerprint (the package hash):
 * a package has at most one live upload, so a newer URL replaces an older one.
 */
export function tusUrlStorage(store: ResumeStore): TusUrlStorage {
  const read = async (key: string): Promise<StoredTusUpload | null> => {
    const raw = await store.get(key);
    if (raw === null) return null;
    try {
      return { ...storedTusUpload.parse(JSON.parse(raw)), urlStorageKey: key };
    } catch {
      // A damaged entry (bad JSON or an unexpected shape) only costs a fresh upload; drop it rather than fail
      // every attempt.
      await store.delete(key);
      return null;
    }
  };
  return {
    async findAllUploads() {
      const keys = await store.keys(PREFIX);
      const all = await Promise.all(keys.map(read));
      return all.filter((u): u is StoredTusUpload => u !== null);
    },
    async findUploadsByFingerprint(fingerprint) {
      const u = await read(PREFIX + fingerprint);
      return u ? [u] : [];
    },
    async removeUpload(key) {
      await store.delete(key);
    },
    async addUpload(fingerprint, upload) {
      const key = PREFIX + fingerprint;
      await store.set(key, JSON.stringify(upload));
      return key;
    },
  };
}

export function resumeKeyFor(sha512: string): string {
  return `${PREFIX}basedesk-${sha512}`;
}
