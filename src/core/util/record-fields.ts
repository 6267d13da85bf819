/**
 * What the imports of people (applicants, trainees) share about their records: the content hash that makes a
 * re-import idempotent, and the before/after pair an update writes to the audit trail.
 */
import { hash } from 'node:crypto';
import type { FieldChange } from '../../shared/contract/applicants';

/**
 * SHA-256 of the record's values in the order `keys` gives. The order is fixed per record type, so plain JSON
 * of the values is canonical (and much cheaper than canonical JSON of the object).
 */
export function hashFields<R>(record: R, keys: readonly (keyof R)[]): string {
  // One-shot: cheaper than a Hash object per record (an import of 10,000 rows hashes 10,000 records).
  return hash('sha256', JSON.stringify(keys.map((k) => record[k])), 'hex');
}

/** The audit event's before and after of an update: each changed field's label with its masked values. */
export function changeSnapshots(changes: readonly FieldChange[]): {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
} {
  return {
    before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
    after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
  };
}
