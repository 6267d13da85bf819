import { Badge, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorState } from '../../components/states';
import { useQuery } from '../../lib/query';

/** "Why A and not B": every competition of one specialty, ranked, with who got a seat. */
export function CompetitionRankingDialog({
  specialty,
  onClose,
}: {
  specialty: { code: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useQuery('admission.competitions', { specialtyCode: specialty?.code ?? '' }, specialty !== null);
  return (
    <Dialog
      opened={specialty !== null}
      onClose={onClose}
      title={specialty ? t('admission.ranking.title', { specialty: `${specialty.code} ${specialty.name}` }) : ''}
      size="xl"
    >
      {q.error && <ErrorState error={q.error} onRetry={q.refresh} />}
      <Stack>
        {q.data?.map((c) => (
          <Paper withBorder p="xs" key={`${c.round}-${c.category ?? ''}`}>
            <Text fw={600} size="sm">
              {t(`admission.rounds.${c.round}`)}
              {c.category ? `（${c.category}）` : ''} · {c.heldForTie ? t('admission.ranking.held') : `${c.seatsBefore}`}
            </Text>
            <Table verticalSpacing={2}>
              <Table.Tbody>
                {c.ranked.map((e) => (
                  <Table.Tr key={e.applicantId}>
                    <Table.Td w={50}>{e.rank}</Table.Td>
                    <Table.Td w={100}>{e.name}</Table.Td>
                    <Table.Td w={80}>{e.total}</Table.Td>
                    <Table.Td>
                      <Badge color={e.admitted ? 'teal' : 'gray'} variant="light">
                        {e.admitted ? t('admission.ranking.admitted') : t('admission.ranking.notAdmitted')}
                      </Badge>
                      {e.tied && (
                        <Badge color="orange" variant="light" ml={4}>
                          {t('admission.ranking.tied')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        ))}
      </Stack>
    </Dialog>
  );
}
