/**
 * What the verifier is willing to read. Defaults fit a 2 GB attachment set with room to spare;
 * an intake may tighten them.
 */
export type VerifyLimits = {
  /** Size of the package file on disk (and of the decrypted ZIP when encrypted). */
  maxPackageBytes: number;
  /** Number of entries in the ZIP central directory. */
  maxEntries: number;
  /** Declared uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** uncompressed / compressed, checked for entries over 1 MiB. Stored entries are 1. */
  maxCompressionRatio: number;
  /** Tag files (bag-info, manifests) are read into memory: cap them. */
  maxTagFileBytes: number;
};

const GiB = 1024 ** 3;

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  maxPackageBytes: 8 * GiB,
  maxEntries: 200_000,
  maxEntryBytes: 4 * GiB,
  maxTotalBytes: 8 * GiB,
  maxCompressionRatio: 100,
  maxTagFileBytes: 64 * 1024 * 1024,
};

export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
