import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView } from '../../../../shared/contract/exam';

/** Eligible or not, then each unmet check with the core's message on hover. */
export function CheckBadges({ candidate }: { candidate: ExamCandidateView }) {
  const { t } = useTranslation();
  const failed = candidate.checks.filter((c) => !c.passed);
  return (
    <Group gap={4}>
      <Badge variant="light" color={candidate.eligible ? 'green' : 'red'} data-testid="exam-eligible">
        {candidate.eligible ? t('exam.eligible') : t('exam.notEligible')}
      </Badge>
      {failed.map((c) => (
        <Tooltip key={c.code} label={c.message} multiline w={320}>
          <Badge variant="outline" color="red">
            {t(`exam.checkNames.${c.code}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
