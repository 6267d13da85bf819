/** Choices resolved to plan rows once per applicant and stage, with a warning for every choice skipped. */
import { text } from './messages';
import type { SeatState } from './seat-book';
import type { Run, State } from './allocation-run';

type Stage = 'main' | 'second';

export function resolveChoices(
  run: Run,
  s: State,
  choices: readonly string[],
  rounds: number,
  stage: Stage,
): Array<SeatState | null> {
  warnBeyondRounds(run, s, choices, rounds, stage);
  const out: Array<SeatState | null> = [];
  const used: string[] = [];
  for (let k = 0; k < rounds; k++) {
    const specialty = (choices[k] ?? '').trim();
    if (specialty === '') {
      out.push(null);
    } else if (used.includes(specialty)) {
      run.warnings.push({
        code: 'CHOICE_DUPLICATE',
        id: s.a.id,
        specialty,
        message: stageLabel(stage) + text.choiceDuplicate(specialty, k),
        details: { choice: k + 1, stage },
      });
      out.push(null);
    } else {
      used.push(specialty);
      out.push(choiceRow(run, s, specialty, k, stage));
    }
  }
  return out;
}

function stageLabel(stage: Stage): string {
  return stage === 'main' ? '' : '二次补报';
}

function warnBeyondRounds(run: Run, s: State, choices: readonly string[], rounds: number, stage: Stage): void {
  const beyond = choices.length > rounds ? choices.slice(rounds).filter((c) => c.trim() !== '') : [];
  if (beyond.length === 0) return;
  run.warnings.push({
    code: 'CHOICE_BEYOND_ROUNDS',
    id: s.a.id,
    message: stageLabel(stage) + text.choiceBeyondRounds(beyond, rounds),
    details: { ignored: beyond, stage },
  });
}

/** The plan row choice `k` names for this applicant's category, or null with a warning saying why not. */
function choiceRow(run: Run, s: State, specialty: string, k: number, stage: Stage): SeatState | null {
  const row = run.book.lookup(specialty, s.a.category);
  if (row === 'not-in-plan') {
    run.warnings.push({
      code: 'CHOICE_NOT_IN_PLAN',
      id: s.a.id,
      specialty,
      message: text.choiceNotInPlan(specialty, k, stageLabel(stage)),
      details: { choice: k + 1, stage },
    });
    return null;
  }
  if (row === 'category-not-in-plan') {
    run.warnings.push({
      code: 'CHOICE_CATEGORY_NOT_IN_PLAN',
      id: s.a.id,
      specialty,
      message: text.choiceCategoryNotInPlan(specialty, s.a.category, k, stageLabel(stage)),
      details: { choice: k + 1, stage, category: s.a.category },
    });
    return null;
  }
  return row;
}
