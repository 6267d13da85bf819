import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/contract/applicants';

const OUTCOME_COLORS = { pass: 'teal', warning: 'yellow', fail: 'red' } as const;

/** The preset's eligibility rules for this applicant: only what needs the clerk's attention, passes in one line. */
export function EligibilityList({ detail }: { detail: ApplicantDetail }) {
  const { t } = useTranslation();
  const allPass = detail.eligibility.every((e) => e.outcome === 'pass');
  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb={4}>
        {t('desk.eligibility')}
      </Text>
      <Stack gap={2} data-testid="eligibility">
        {detail.eligibility
          .filter((e) => e.outcome !== 'pass')
          .map((e) => (
            <Group key={e.ruleId} gap="xs" wrap="nowrap" align="flex-start">
              <Badge color={OUTCOME_COLORS[e.outcome]} variant="light" miw={60}>
                {t(`desk.outcome.${e.outcome}`)}
              </Badge>
              <Text size="xs">{e.message}</Text>
            </Group>
          ))}
        {allPass && (
          <Group gap="xs">
            <Badge color="teal" variant="light" miw={60}>
              {t('desk.outcome.pass')}
            </Badge>
            <Text size="xs" title={detail.eligibility.map((e) => e.message).join('\n')}>
              {t('desk.allPass', { count: detail.eligibility.length })}
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
