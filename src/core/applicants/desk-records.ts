/** The desk's own stored JSON columns (migration 0012): the clerk's checklist declaration and rule overrides. */
import { z } from 'zod';
import type { ChecklistAttestation, RulesOverride } from '../../shared/contract/applicants';
import type { Tx } from '../context';
import { parseJsonAs } from '../util/json';
import type { ApplicantTable } from './tables';

const attestation = z.object({ by: z.string(), at: z.string(), keys: z.array(z.string()) });
const override = z.object({
  reason: z.string(),
  by: z.string(),
  at: z.string(),
  rules: z.array(z.object({ ruleId: z.string(), title: z.string() })),
});

export function attestationOf(a: Pick<ApplicantTable, 'checklist_attested_json'>): ChecklistAttestation | null {
  const json = a.checklist_attested_json ?? null;
  return json === null ? null : parseJsonAs(attestation, json, 'applicants.checklist_attested_json');
}

export function rulesOverrideOf(a: Pick<ApplicantTable, 'rules_override_json'>): RulesOverride | null {
  const json = a.rules_override_json ?? null;
  return json === null ? null : parseJsonAs(override, json, 'applicants.rules_override_json');
}

/** The line the admission explanation and the receipt carry for an override. */
export function overrideText(o: RulesOverride, byName: string = o.by): string {
  return `资格规则“${o.rules.map((r) => r.title).join('”“')}”不符合，经 ${byName} 核实后放行确认，原因：${o.reason}`;
}

/** id -> override line, for the applicants that were confirmed past a failing rule (admission explanation). */
export async function overrideLines(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectFrom('applicants')
    .leftJoin('users', 'users.username', 'applicants.decided_by')
    .select(['applicants.id', 'applicants.rules_override_json', 'users.display_name'])
    .where('applicants.id', 'in', ids)
    .where('applicants.rules_override_json', 'is not', null)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const o = rulesOverrideOf(r);
    if (o) out.set(r.id, overrideText(o, r.display_name ?? o.by));
  }
  return out;
}
