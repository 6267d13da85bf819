import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicantDetail } from '../../../../shared/contract/applicants';
import { useSession } from '../../app/session';
import { can } from '../../../../shared/permissions';
import { ConfirmationBadge } from '../applicants/ConfirmationBadge';
import { ContactDialog } from './ContactDialog';
import { OtherChoices, RoundBadge } from '../applicants/ChoiceCells';

/** The phone and email, with the correction dialog for roles that may correct them. */
function ContactCells({ detail }: { detail: ApplicantDetail }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Table.Td c="dimmed">{t('applicants.phone')}</Table.Td>
      <Table.Td ff="monospace">
        <Group gap={6} wrap="nowrap">
          <span data-testid="desk-phone">{detail.phone}</span>
          {detail.email && <Text size="xs">{detail.email}</Text>}
          {role && can(role, 'applicants.correctContact') && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPencil size={12} />}
              onClick={() => setOpen(true)}
              data-testid="contact-correct"
            >
              {t('contact.correct')}
            </Button>
          )}
        </Group>
        {open && <ContactDialog detail={detail} opened={open} onClose={() => setOpen(false)} />}
      </Table.Td>
    </>
  );
}

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
            <ContactCells detail={detail} />
          </Table.Tr>
          <Table.Tr>
            <Table.Td c="dimmed">{t('applicants.category')}</Table.Td>
            <Table.Td>{detail.categoryName}</Table.Td>
            <Table.Td c="dimmed">{t('desk.choices')}</Table.Td>
            <Table.Td>
              <Stack gap={2} align="flex-start">
                <RoundBadge a={detail} />
                <Text size="sm">
                  {detail.choiceNames.join(' / ') || '—'}（{t('desk.adjustment')}：
                  {detail.acceptsAdjustment ? t('desk.yes') : t('desk.no')}）
                </Text>
                <OtherChoices detail={detail} />
              </Stack>
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
