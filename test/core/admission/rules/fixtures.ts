/** Generated applicants for allocation tests: ids and scores only, never real people. */
import type { Applicant, Options } from '../../../../src/core/admission/rules';

export const pts = (x: number): number => Math.round(x * 100);

export function applicant(
  id: string,
  total: number,
  choices: string[],
  extra: Partial<Omit<Applicant, 'id' | 'total' | 'choices'>> & { interview?: number; written?: number } = {},
): Applicant {
  const { interview = 0, written = 0, ...rest } = extra;
  return {
    id,
    category: null,
    total: pts(total),
    components: { interview: pts(interview), written: pts(written) },
    choices,
    acceptsAdjustment: false,
    eligible: true,
    ...rest,
  };
}

export const opts = (rounds: number, more: Partial<Options> = {}): Options => ({
  rounds,
  tieBreaks: ['interview', 'written'],
  ...more,
});
