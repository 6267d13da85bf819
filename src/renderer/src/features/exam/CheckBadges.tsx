import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView, ExamEligibility } from '../../../../shared/contract/exam';

const ELIGIBILITY_COLOR: Record<ExamEligibility, string> = { eligible: 'green', pending: 'yellow', ineligible: 'red' };

/**
 * Eligible, waiting for a check a person must record, or not; then each unmet check (yellow while it waits,
 * red when it failed) with the core's message on hover. A check nobody has looked at yet is not a refusal.
 */
export function CheckBadges({ candidate }: { candidate: ExamCandidateView }) {
  const { t } = useTranslation();
  const unmet = candidate.checks.filter((c) => !c.passed);
  return (
    <Group gap={4}>
      <Badge
        variant="light"
        color={ELIGIBILITY_COLOR[candidate.eligibility]}
        data-testid="exam-eligible"
        data-eligibility={candidate.eligibility}
      >
        {t(`exam.eligibilities.${candidate.eligibility}`)}
      </Badge>
      {unmet.map((c) => (
        <Tooltip key={c.code} label={c.message} multiline w={320}>
          <Badge variant="outline" color={c.pending ? 'yellow' : 'red'}>
            {t(`exam.checkNames.${c.code}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
