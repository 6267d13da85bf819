import { makePhone, type Rng } from '../../src/core/testdata';
import type { Server } from './fixtures';

export type ScoredApplicant = { name: string; id: string; choice: string; score: number };

/** A 报名 CSV of these people (generated phone numbers), base64 as the import takes it. */
export function rosterCsv(people: ReadonlyArray<Omit<ScoredApplicant, 'score'>>, rng: Rng): string {
  const lines = [
    '姓名,证件号码,手机号码,人员类型,工作单位,第一志愿,是否服从调剂',
    ...people.map((p) => `${p.name},${p.id},${makePhone(rng)},社会人,,${p.choice},是`),
  ];
  return Buffer.from(lines.join('\n')).toString('base64');
}

/** A 成绩 CSV giving each person `score` in both the written exam and the interview, base64. */
export function scoresCsv(rows: ReadonlyArray<{ name: string; id: string; score: number }>): string {
  const lines = ['姓名,身份证号,笔试成绩,面试成绩', ...rows.map((r) => `${r.name},${r.id},${r.score},${r.score}`)];
  return Buffer.from(lines.join('\n')).toString('base64');
}

/** Imports the people, confirms every one of them at the desk and imports their scores: a rankable cohort. */
export async function importConfirmedWithScores(server: Server, people: readonly ScoredApplicant[], rng: Rng): Promise<void> {
  await server.api('applicants.commitImport', { fileName: '报名.csv', contentBase64: rosterCsv(people, rng) });
  await server.api('confirm.decide', { targets: people.map((p) => p.id), decision: 'confirmed', checklistComplete: true });
  await server.api('scores.import', { fileName: '成绩.csv', contentBase64: scoresCsv(people) });
}
