/**
 * The payloads of recorded admission decisions (admission_decisions.payload_json), parsed against their
 * schema: a decision that no longer parses is reported with its column, never fed to allocate() half-typed.
 */
import { z } from 'zod';
import { parseJsonAs } from '../util/json';
import type { AllocationRound, TieResolution } from './rules';
import type { AdmissionDecisionTable } from './tables';

const ROUNDS = [
  'choice-1',
  'choice-2',
  'choice-3',
  'adjustment',
  'second-1',
  'second-2',
] as const satisfies readonly AllocationRound[];

const tieResolution = z.object({
  round: z.enum(ROUNDS),
  specialty: z.string(),
  category: z.string().nullable(),
  admit: z.array(z.string()),
  tiedIds: z.array(z.string()).optional(),
  overflowApproved: z.boolean().optional(),
  reason: z.string(),
});

const specialtyPayload = z.looseObject({ specialty: z.string() });

const WHERE = 'admission_decisions.payload_json';

export function tiePayload(row: Pick<AdmissionDecisionTable, 'payload_json'>): TieResolution {
  const p = parseJsonAs(tieResolution, row.payload_json, WHERE);
  return {
    round: p.round,
    specialty: p.specialty,
    category: p.category,
    admit: p.admit,
    ...(p.tiedIds !== undefined ? { tiedIds: p.tiedIds } : {}),
    ...(p.overflowApproved !== undefined ? { overflowApproved: p.overflowApproved } : {}),
    reason: p.reason,
  };
}

/** The specialty an adjustment or an over-quota approval names. */
export function payloadSpecialty(row: Pick<AdmissionDecisionTable, 'payload_json'>): string {
  return parseJsonAs(specialtyPayload, row.payload_json, WHERE).specialty;
}

/** Any decision's payload as a plain record, for summaries and audit. */
export function payloadRecord(row: Pick<AdmissionDecisionTable, 'payload_json'>): Record<string, unknown> {
  return parseJsonAs(z.record(z.string(), z.unknown()), row.payload_json, WHERE);
}
