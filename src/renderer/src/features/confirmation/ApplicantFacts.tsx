import { Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/contract/applicants';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';

/** Who is at the desk: name, status, the (masked) numbers, category, choices, education and work history. */
export function ApplicantFacts({ detail }: { detail: ApplicantDetail }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Title order={3} data-testid="desk-name">
          {detail.name}
        </Title>
        <ConfirmationBadge status={detail.confirmation} />
      </Group>
      <Table fz="sm" mt="xs" verticalSpacing={2} withRowBorders={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td c="dimmed">{detail.idType}</Table.Td>
            <Table.Td ff="monospace">{detail.idNumber}</Table.Td>
            <Table.Td c="dimmed">{t('applicants.phone')}</Table.Td>
            <Table.Td ff="monospace">{detail.phone}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('applicants.category')}</Table.Td>
            <Table.Td>{detail.categoryName}</Table.Td>
            <Table.Td c="dimmed">{t('desk.choices')}</Table.Td>
            <Table.Td>
              {detail.choiceNames.join(' / ')}（{t('desk.adjustment')}：{detail.acceptsAdjustment ? t('desk.yes') : t('desk.no')}
              ）
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('applicants.fields.highestEducation')}</Table.Td>
            <Table.Td>
              {detail.highestEducation} {detail.highestDegree} {detail.school} {detail.major} {detail.graduationDate}
            </Table.Td>
            <Table.Td c="dimmed">{t('applicants.fields.employer')}</Table.Td>
            <Table.Td>{detail.employer ?? '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {(detail.education.length > 1 || detail.work.length > 0) && (
        <Stack gap={2} mt="xs" data-testid="history">
          {detail.education.map((e, i) => (
            <Text size="xs" key={`e${i}`}>
              {t('desk.educationRow', {
                from: e.from ?? '',
                to: e.to ?? '',
                school: e.school,
                major: e.major,
                level: e.level,
                degree: e.degree ?? '',
              })}
              {e.fullTime === false ? ` · ${t('desk.partTime')}` : ''}
            </Text>
          ))}
          {detail.work.map((w, i) => (
            <Text size="xs" key={`w${i}`}>
              {t('desk.workRow', {
                from: w.from ?? '',
                to: w.to ?? '',
                hospital: w.hospital,
                department: w.department ?? '',
                title: w.title ?? '',
              })}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
