/** Beijing 二次补报: applicants still pending compete again with new choices over the seats still open. */
import { text } from './messages';
import { byString, type Run, type Status } from './allocation-run';
import { resolveChoices } from './choices';
import { runRound } from './competition';
import type { AllocationRound } from './types';

export const SECOND_ROUNDS: AllocationRound[] = ['second-1', 'second-2'];

const NOT_PENDING: Record<Exclude<Status, 'pending'>, string> = {
  admitted: '已被录取',
  held: '处于待定的末位同分',
  declined: '已放弃',
  ineligible: '资格审核未通过',
};

export function runSecondWindow(run: Run): void {
  const sw = run.options.secondWindow;
  if (sw === undefined) return;
  for (const id of Object.keys(sw.choices).sort(byString)) {
    const s = run.byId.get(id);
    if (s === undefined) {
      run.warnings.push({ code: 'SECOND_WINDOW_UNKNOWN_APPLICANT', id, message: text.unknownApplicant(id, '二次补报志愿') });
    } else if (s.status !== 'pending') {
      run.warnings.push({
        code: 'SECOND_WINDOW_NOT_ELIGIBLE',
        id,
        message: `考生「${id}」当前${NOT_PENDING[s.status]}，其二次补报志愿不参与录取。`,
      });
    } else {
      s.second = resolveChoices(run, s, withoutExcluded(run, id, sw.choices[id] ?? []), SECOND_ROUNDS.length, 'second');
    }
  }
  SECOND_ROUNDS.forEach((round, k) => runRound(run, round, (s) => s.second[k]));
}

/** Choices of specialties that sit out the second window become empty (keeping the others' positions). */
function withoutExcluded(run: Run, id: string, choices: string[]): string[] {
  const excluded = new Set(run.options.secondWindowExcluded ?? []);
  if (excluded.size === 0) return choices;
  return choices.map((c, i) => {
    if (!excluded.has(c)) return c;
    run.warnings.push({
      code: 'CHOICE_EXCLUDED_SECOND_WINDOW',
      id,
      specialty: c,
      message: text.choiceExcludedSecondWindow(c, i),
    });
    return '';
  });
}
