/**
 * Results per subject after the exam, imported from the province's list. All or nothing: a row naming a
 * person not in the registry, or with an unreadable result, is reported by row and nothing is written.
 * Re-importing the same file changes nothing.
 */
import { EXAM_SUBJECT_LABELS, type ExamResultsImport } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import type { Actor, Core, Tx } from '../context';
import { normalizeIdInput } from '../identity';
import { findHeaderRow, normalizeText, readTable, type Sheet } from '../tabular';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { calendarFor } from './calendars';
import { passedAll, type ResultFact } from './rules';
import { parseSubjectCell, subjectOf, type ParsedResult, type RowIssue } from './rules/result-row';

const HEADERS = [
  ['@name', '姓名'],
  ['@idNumber', '证件号码', '身份证号', '身份证号码', '证件号'],
  ['@subject', '科目', '考核科目', '考试科目'],
  ['@result', '结果', '考核结果', '是否合格'],
  ['@score', '成绩', '标准分', '分数'],
  ['@theory', '专业理论', '专业理论考试', '专业理论结果'],
  ['@theoryScore', '专业理论成绩', '理论成绩', '理论标准分'],
  ['@skills', '临床实践技能', '临床实践能力', '临床实践技能考核', '技能结果'],
] as const;

type Row = { row: number; idNumber: string; name: string; results: ParsedResult[] };
type Rejected = ExamResultsImport['rejected'][number];

function cellAt(sheet: Sheet, r: number, col: number | undefined): string {
  return col === undefined ? '' : normalizeText(sheet.rows[r]?.[col]?.text ?? '');
}

function parseSheet(sheet: Sheet, fileName: string): { rows: Row[]; rejected: Rejected[] } {
  const match = findHeaderRow(sheet, HEADERS);
  const col = (k: string) => match?.columns.get(k);
  if (
    !match ||
    col('@idNumber') === undefined ||
    (col('@subject') === undefined && col('@theory') === undefined && col('@skills') === undefined)
  ) {
    throw new AppError(
      'EXAM_RESULTS_NO_HEADER',
      `文件「${fileName}」中没有找到成绩表头：需要“证件号码”列，以及“科目”+“结果”两列或“专业理论”“临床实践技能”结果列。`,
    );
  }
  const rows: Row[] = [];
  const rejected: Rejected[] = [];
  for (let r = match.rowIndex + 1; r < sheet.rows.length; r++) {
    const idText = cellAt(sheet, r, col('@idNumber'));
    const name = cellAt(sheet, r, col('@name'));
    if (idText === '' && name === '') continue;
    const row = r + 1;
    const found: Array<ParsedResult | RowIssue | null> = [];
    if (col('@subject') !== undefined) {
      const subjectText = cellAt(sheet, r, col('@subject'));
      const subject = subjectOf(subjectText);
      if (!subject)
        found.push({
          field: '科目',
          code: 'EXAM_BAD_SUBJECT',
          message: `“${subjectText}”不是考核科目（专业理论 / 临床实践技能）`,
        });
      else
        found.push(
          parseSubjectCell(
            subject,
            cellAt(sheet, r, col('@result')),
            cellAt(sheet, r, col('@score')),
            EXAM_SUBJECT_LABELS[subject],
          ),
        );
    } else {
      found.push(parseSubjectCell('theory', cellAt(sheet, r, col('@theory')), cellAt(sheet, r, col('@theoryScore')), '专业理论'));
      found.push(parseSubjectCell('skills', cellAt(sheet, r, col('@skills')), '', '临床实践技能'));
    }
    const issues = found.filter((f): f is RowIssue => f !== null && 'code' in f);
    for (const i of issues) rejected.push({ row, ...i });
    if (idText === '') rejected.push({ row, field: '证件号码', code: 'EXAM_NO_ID', message: '证件号码为空' });
    if (issues.length === 0 && idText !== '') {
      rows.push({
        row,
        idNumber: normalizeIdInput(idText),
        name,
        results: found.filter((f): f is ParsedResult => f !== null && !('code' in f)),
      });
    }
  }
  return { rows, rejected };
}

async function matchPeople(tx: Tx, rows: Row[], rejected: Rejected[]): Promise<Map<string, { id: string; name: string }>> {
  const ids = [...new Set(rows.map((r) => r.idNumber))];
  const found = new Map(
    (
      await tx
        .selectFrom('trainees')
        .select(['id', 'id_number', 'name'])
        .where('id_number', 'in', ids.concat(['']))
        .execute()
    ).map((t) => [t.id_number, { id: t.id, name: t.name }]),
  );
  for (const r of rows) {
    const t = found.get(r.idNumber);
    if (!t) {
      rejected.push({
        row: r.row,
        field: '证件号码',
        code: 'EXAM_UNKNOWN_PERSON',
        message: `学员名册中没有证件号码为 ${maskIdNumber(r.idNumber)} 的学员`,
      });
    } else if (r.name !== '' && r.name !== t.name) {
      rejected.push({
        row: r.row,
        field: '姓名',
        code: 'EXAM_NAME_MISMATCH',
        message: `证件号码 ${maskIdNumber(r.idNumber)} 在名册中的姓名是“${t.name}”，文件中是“${r.name}”`,
      });
    }
  }
  return found;
}

/** Carries a preview's answer out of the transaction it rolls back. */
class PreviewOnly extends Error {
  constructor(readonly result: ExamResultsImport) {
    super('preview');
  }
}

/**
 * Reads and checks the whole file, then writes it all or nothing; a preview (dryRun) runs the same path
 * and rolls it back, so what it shows is exactly what the import would do.
 */
export async function importResults(
  core: Core,
  actor: Actor,
  year: number,
  file: { fileName: string; bytes: Uint8Array },
  dryRun = false,
): Promise<ExamResultsImport> {
  try {
    return await writeResults(core, actor, year, file, dryRun);
  } catch (e) {
    if (e instanceof PreviewOnly) return e.result;
    throw e;
  }
}

async function writeResults(
  core: Core,
  actor: Actor,
  year: number,
  file: { fileName: string; bytes: Uint8Array },
  dryRun: boolean,
): Promise<ExamResultsImport> {
  const table = await readTable(file);
  const sheet = table.sheets.find((s) => s.rows.some((r) => r.some((c) => c.text.trim() !== ''))) ?? table.sheets[0]!;
  const { rows, rejected } = parseSheet(sheet, file.fileName);
  return core.db.transaction().execute(async (tx) => {
    const { calendar } = await calendarFor(tx, year);
    const people = await matchPeople(tx, rows, rejected);
    if (rejected.length > 0) {
      rejected.sort((a, b) => a.row - b.row);
      return { imported: 0, unchanged: 0, updated: 0, rejected, passedBoth: 0, dryRun };
    }
    const importId = uuidv7(core.clock.nowMs());
    const at = isoNow(core.clock);
    let imported = 0;
    let unchanged = 0;
    let updated = 0;
    const touched = new Set<string>();
    for (const r of rows) {
      const traineeId = people.get(r.idNumber)!.id;
      for (const res of r.results) {
        const before = await tx
          .selectFrom('exam_results')
          .selectAll()
          .where('trainee_id', '=', traineeId)
          .where('year', '=', year)
          .where('subject', '=', res.subject)
          .executeTakeFirst();
        const passed = res.passed ? 1 : 0;
        if (before && before.passed === passed && before.score === res.score) {
          unchanged++;
          continue;
        }
        if (before) {
          await tx
            .updateTable('exam_results')
            .set({ passed, score: res.score, import_id: importId, actor: actor.username, at })
            .where('id', '=', before.id)
            .execute();
          updated++;
        } else {
          await tx
            .insertInto('exam_results')
            .values({
              id: uuidv7(core.clock.nowMs()),
              trainee_id: traineeId,
              year,
              subject: res.subject,
              passed,
              score: res.score,
              import_id: importId,
              actor: actor.username,
              at,
            })
            .execute();
          imported++;
        }
        touched.add(traineeId);
        await appendEvent(tx, core, actor.username, {
          action: 'exam.result',
          entity: 'trainee',
          entityId: traineeId,
          before: before ? { passed: before.passed === 1, score: before.score } : null,
          after: { year, subject: res.subject, passed: res.passed, score: res.score, importId },
        });
      }
    }
    const passedBoth = await countPassedBoth(tx, [...touched], year, calendar.resultValidYears);
    const result = { imported, unchanged, updated, rejected: [], passedBoth, dryRun };
    if (dryRun) throw new PreviewOnly(result);
    return result;
  });
}

async function countPassedBoth(tx: Tx, traineeIds: string[], year: number, validYears: number): Promise<number> {
  if (traineeIds.length === 0) return 0;
  const rows = await tx
    .selectFrom('exam_results')
    .select(['trainee_id', 'year', 'subject', 'passed'])
    .where('trainee_id', 'in', traineeIds)
    .execute();
  return traineeIds.filter((id) => {
    const facts: ResultFact[] = rows
      .filter((r) => r.trainee_id === id)
      .map((r) => ({ year: r.year, subject: r.subject, passed: r.passed === 1 }));
    return passedAll(facts, year, validYears);
  }).length;
}
