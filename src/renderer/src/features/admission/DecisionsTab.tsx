import { Button, Group, Paper, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import type { ApiError } from '../../../../shared/errors';
import { errorText } from '../../app/errors';
import { formatDateTime } from '../../lib/format';
import { mutate, useQuery } from '../../lib/query';
import { Dialog } from '../../components/Dialog';
import { ErrorState, LoadingState } from '../../components/states';
import type { Consent } from './consent';

export function DecisionsTab({
  editable,
  consent,
  onChanged,
}: {
  editable: boolean;
  consent: Consent;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery('admission.decisions', {});
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (q.error) return <ErrorState error={q.error} onRetry={q.refresh} />;
  if (!q.data) return <LoadingState />;
  async function revoke(e: FormEvent) {
    e.preventDefault();
    if (!revoking) return;
    const decisionId = revoking;
    const v = await consent((c) =>
      mutate('admission.revokeDecision', { decisionId, reason: reason.trim(), ...(c ? { confirm: true } : {}) }),
    ).catch((err: ApiError) => {
      setError(errorText(err));
      return null;
    });
    if (v) {
      onChanged(v);
      setRevoking(null);
    }
  }
  return (
    <Paper withBorder>
      <Table striped verticalSpacing={6} aria-label={t('admission.tabs.decisions')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admission.decisions.at')}</Table.Th>
            <Table.Th>{t('admission.decisions.kind')}</Table.Th>
            <Table.Th>{t('admission.decisions.summary')}</Table.Th>
            <Table.Th>{t('admission.decisions.reason')}</Table.Th>
            <Table.Th>{t('admission.decisions.by')}</Table.Th>
            {editable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.map((d) => (
            <Table.Tr key={d.id} opacity={d.revokedAt ? 0.5 : 1}>
              <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
              <Table.Td>{t(`admission.decisionKinds.${d.kind}`)}</Table.Td>
              <Table.Td>{d.summary}</Table.Td>
              <Table.Td>
                {d.reason}
                {d.revokedAt && (
                  <Text size="xs" c="dimmed">
                    {t('admission.decisions.revoked')}：{d.revokeReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td title={d.createdBy}>{d.createdByName}</Table.Td>
              {editable && (
                <Table.Td>
                  {!d.revokedAt && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => {
                        setRevoking(d.id);
                        setReason('');
                        setError(null);
                      }}
                    >
                      {t('admission.decisions.revoke')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Dialog opened={revoking !== null} onClose={() => setRevoking(null)} title={t('admission.decisions.revoke')}>
        <form onSubmit={(e) => void revoke(e)}>
          <Stack>
            <Textarea
              label={t('admission.decisions.revokeReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            {error && (
              <Text c="red" size="sm">
                {error}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" color="red" disabled={reason.trim().length < 2}>
                {t('admission.decisions.revoke')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Paper>
  );
}
