import { Badge, Button, MultiSelect, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView, NotAdmittedRow } from '../../../../shared/contract/admission';
import { mutate } from '../../lib/query';
import { FormDialog } from '../../components/FormDialog';
import { WindowReasonField } from '../windows/WindowBanner';

export function NotAdmittedTab({ view, editable }: { view: AdmissionRunView; editable: boolean }) {
  const { t } = useTranslation();
  const [second, setSecond] = useState<NotAdmittedRow | null>(null);
  const [codes, setCodes] = useState<string[]>([]);
  const [lateReason, setLateReason] = useState('');
  const secondWindow = editable ? view.secondWindowChoices : null;
  const openOptions = [
    ...new Map(view.unfilled.map((u) => [u.specialtyCode, `${u.specialtyCode} ${u.specialtyName}（${u.seatsLeft}）`])).entries(),
  ].map(([value, label]) => ({ value, label }));
  const color: Record<NotAdmittedRow['code'], string> = {
    INELIGIBLE: 'gray',
    DECLINED: 'red',
    NO_SEAT: 'blue',
    AWAITING_TIE: 'orange',
  };
  return (
    <Paper withBorder>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto">
        <Table striped stickyHeader verticalSpacing={6} aria-label={t('admission.tabs.notAdmitted')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>{t('admission.table.name')}</Table.Th>
              <Table.Th w={190}>{t('admission.table.idNumber')}</Table.Th>
              <Table.Th w={80}>{t('admission.table.total')}</Table.Th>
              <Table.Th w={120}>{t('admission.table.status')}</Table.Th>
              <Table.Th>{t('admission.table.why')}</Table.Th>
              {secondWindow !== null && <Table.Th w={90} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.notAdmitted.map((n) => (
              <Table.Tr key={n.applicantId} data-testid={`not-admitted-${n.applicantId}`}>
                <Table.Td>{n.name}</Table.Td>
                <Table.Td ff="monospace">{n.idNumber}</Table.Td>
                <Table.Td>{n.total ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={color[n.code]} variant="light">
                    {t(`admission.notAdmittedCodes.${n.code}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{n.message}</Text>
                </Table.Td>
                {secondWindow !== null && (
                  <Table.Td>
                    {n.code === 'NO_SEAT' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => {
                          setSecond(n);
                          setCodes([]);
                          setLateReason('');
                        }}
                      >
                        {t('admission.second.button')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <FormDialog
        title={t('admission.second.dialog')}
        opened={second !== null}
        onClose={() => setSecond(null)}
        canSubmit={codes.length > 0}
        submit={() =>
          mutate('admission.setSecondChoices', {
            applicantId: second?.applicantId ?? '',
            choices: codes,
            ...(lateReason.trim() ? { reason: lateReason.trim() } : {}),
          })
        }
      >
        <Text size="sm">{second?.name}</Text>
        <Text size="xs" c="dimmed">
          {t('admission.second.hint', { count: secondWindow ?? 0 })}
        </Text>
        <MultiSelect
          label={t('admission.second.choices')}
          data={openOptions}
          value={codes}
          onChange={setCodes}
          maxValues={secondWindow ?? 2}
        />
        <WindowReasonField governs="second-choices" value={lateReason} onChange={setLateReason} />
      </FormDialog>
    </Paper>
  );
}
