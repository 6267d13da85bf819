/**
 * Results and certificates at a glance: everyone with a result that counts for the year (or a certificate
 * issued that year), the latest result per subject, whether both are passed and valid, and the 合格证书.
 */
import type { ExamResultRow, ExamSubjectResult } from '../../shared/contract/exam';
import { maskIdNumber } from '../../shared/mask';
import type { Core } from '../context';
import { calendarFor } from './calendars';
import { passedAll, stillValid } from './rules';

type Stored = { trainee_id: string; year: number; subject: string; passed: number; score: string | null };

/** The result of a subject that counts: a valid pass (it stands for the retake years), else the latest. */
function latest(rows: Stored[], subject: string): ExamSubjectResult | null {
  const r = rows.filter((x) => x.subject === subject).sort((a, b) => b.passed - a.passed || b.year - a.year)[0];
  return r ? { year: r.year, passed: r.passed === 1, score: r.score } : null;
}

export async function examResultList(core: Core, year: number): Promise<{ year: number; rows: ExamResultRow[] }> {
  const tx = core.db;
  const { calendar } = await calendarFor(tx, year);
  const valid = calendar.resultValidYears;
  const results = (await tx.selectFrom('exam_results').selectAll().where('year', '<=', year).execute()).filter((r) =>
    stillValid(r.year, year, valid),
  );
  const certs = new Map((await tx.selectFrom('exam_certificates').selectAll().execute()).map((c) => [c.trainee_id, c]));
  const ids = [...new Set(results.map((r) => r.trainee_id))];
  if (ids.length === 0) return { year, rows: [] };
  const trainees = await tx.selectFrom('trainees').selectAll().where('id', 'in', ids).orderBy('name').execute();
  const rows = trainees.map((t): ExamResultRow => {
    const own = results.filter((r) => r.trainee_id === t.id);
    const cert = certs.get(t.id);
    return {
      traineeId: t.id,
      idNumber: maskIdNumber(t.id_number),
      name: t.name,
      program: t.program,
      traineeStatus: t.status,
      theory: latest(own, 'theory'),
      skills: latest(own, 'skills'),
      passedBoth: passedAll(
        own.map((r) => ({ year: r.year, subject: r.subject, passed: r.passed === 1 })),
        year,
        valid,
      ),
      certificate: cert ? { certNo: cert.cert_no, issuedOn: cert.issued_on } : null,
    };
  });
  return { year, rows };
}
