import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExperienceView } from '../../../../shared/contract/reduction';
import { formatDate } from '../../lib/format';
import { ProofViewer } from './ProofViewer';
import { ReviewDialog } from './ReductionDialogs';

const REVIEW_COLOR = { pending: 'gray', accepted: 'teal', rejected: 'red' } as const;

/** One applicant's 临床实践经历 with each row's checks and the base's review. */
export function ExperienceList({ rows, editable }: { rows: ExperienceView[]; editable: boolean }) {
  const { t } = useTranslation();
  const [review, setReview] = useState<{ id: string; accept: boolean } | null>(null);
  const [proof, setProof] = useState<string | null>(null);
  if (rows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('reduction.experiences')}
      </Text>
      <Table withTableBorder fz="sm" aria-label={t('reduction.experiences')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reduction.kind')}</Table.Th>
            <Table.Th>{t('reduction.hospital')}</Table.Th>
            <Table.Th>{t('reduction.from')}</Table.Th>
            <Table.Th>{t('reduction.to')}</Table.Th>
            <Table.Th>{t('reduction.proof')}</Table.Th>
            <Table.Th>{t('reduction.review')}</Table.Th>
            {editable && <Table.Th>{t('reduction.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{t(`reduction.kinds.${e.kind}`)}</Table.Td>
              <Table.Td>
                {e.hospital}（{e.specialty}）
                {e.checks
                  .filter((c) => c.outcome !== 'pass')
                  .map((c) => (
                    <Text key={c.ruleId} size="xs" c={c.outcome === 'fail' ? 'red' : 'orange'}>
                      {c.detail}
                    </Text>
                  ))}
              </Table.Td>
              <Table.Td>{formatDate(e.from)}</Table.Td>
              <Table.Td>{formatDate(e.to)}</Table.Td>
              <Table.Td>
                {e.proof ? (
                  <Button size="compact-xs" variant="subtle" title={t('reduction.viewProof')} onClick={() => setProof(e.id)}>
                    {e.proof.fileName}
                  </Button>
                ) : (
                  t('reduction.noProof')
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={REVIEW_COLOR[e.review]} variant="light">
                  {t(`reduction.reviews.${e.review}`)}
                </Badge>
                {e.reviewReason && <Text size="xs">{e.reviewReason}</Text>}
              </Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setReview({ id: e.id, accept: true })}>
                      {t('reduction.accept')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setReview({ id: e.id, accept: false })}>
                      {t('reduction.reject')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {proof && <ProofViewer experienceId={proof} onClose={() => setProof(null)} />}
      {review && <ReviewDialog experienceId={review.id} accept={review.accept} onClose={() => setReview(null)} />}
    </Stack>
  );
}
