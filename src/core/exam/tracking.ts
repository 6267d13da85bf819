/**
 * Registration tracking for a year: per candidate, each step of the base's work done or not and the next
 * one, and how many candidates wait at each step. ID numbers are masked.
 */
import { z } from 'zod';
import type { ExamTracking, ExamTrackingRow, ExamTrackingStage } from '../../shared/contract/exam';
import type { Core, Tx } from '../context';
import { parseJsonAs } from '../util/json';
import { calendarFor } from './calendars';
import { nextStage, stagesDone, trackingOrder } from './rules';
import { candidateRows, viewsFor } from './views';

/** What tracking reads from an export's audit payload; the payload carries more, which is ignored here. */
const exportPayload = z.object({ traineeIds: z.array(z.string()).optional(), at: z.string().optional() });

/** When an exported 汇总表 last listed each trainee (the export's audit event names them). */
async function summaryExports(tx: Tx, year: number): Promise<Map<string, string>> {
  const events = await tx
    .selectFrom('events')
    .select('after_json')
    .where('action', '=', 'exam.export')
    .where('entity_id', 'in', [`${year}-residency`, `${year}-agp`])
    .execute();
  const out = new Map<string, string>();
  for (const e of events) {
    const after = parseJsonAs(exportPayload, e.after_json ?? '{}', 'events.after_json');
    if (!after.at || !after.traineeIds) continue;
    for (const id of after.traineeIds) if ((out.get(id) ?? '') < after.at) out.set(id, after.at);
  }
  return out;
}

export async function examTracking(core: Core, year: number): Promise<ExamTracking> {
  const tx = core.db;
  const { calendar } = await calendarFor(tx, year);
  const views = await viewsFor(tx, core, calendar, await candidateRows(tx, year), false);
  const exported = await summaryExports(tx, year);
  const order = trackingOrder(calendar);
  const counts: ExamTracking['counts'] = { materials: 0, checks: 0, decision: 0, registration: 0, summary: 0, done: 0, out: 0 };
  const rows = views.map((v): ExamTrackingRow => {
    const required = v.materials.filter((m) => m.when === null);
    const facts = {
      status: v.status,
      materials: { received: required.filter((m) => m.received).length, required: required.length },
      eligible: v.eligible,
      subjects: v.subjects,
      registrations: v.registrations,
      decidedAt: v.decidedAt,
      summaryExportedAt: exported.get(v.traineeId) ?? null,
    };
    const done = stagesDone(facts);
    const next = nextStage(facts, order, done);
    const out = v.status === 'withdrawn' || v.status === 'rejected';
    counts[out ? 'out' : ((next ?? 'done') as ExamTrackingStage | 'done')]++;
    return {
      traineeId: v.traineeId,
      idNumber: v.idNumber,
      name: v.name,
      program: v.program,
      retake: v.retake,
      status: v.status,
      subjects: v.subjects,
      materials: facts.materials,
      checks: { passed: v.checks.filter((k) => k.passed).length, total: v.checks.length },
      registrations: v.registrations,
      registrationLapsed: v.registrationLapsed,
      summaryExportedAt: facts.summaryExportedAt,
      done,
      next,
    };
  });
  return { year, order, rows, counts };
}
