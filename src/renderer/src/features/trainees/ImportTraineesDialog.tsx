import { Alert, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TraineeImportPreview } from '../../../../shared/contract/trainees';
import { call } from '../../app/call';
import { ImportDialog } from '../../components/ImportDialog';
import { ImportProblemTable } from '../../components/ImportProblemTable';
import { mutate } from '../../lib/query';

/** The provincial export of trainees: preview every row's problems, then write (all or nothing). */
export function ImportTraineesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportDialog
      opened={opened}
      onClose={onClose}
      title={t('trainees.importTitle')}
      hint={t('trainees.importHint')}
      inputTestId="trainees-file-input"
      preview={(src) => call('trainees.previewImport', src)}
      commit={(src) => mutate('trainees.commitImport', src)}
      writable={(p) => (p.rejectedRows > 0 ? 0 : p.imported + p.updated)}
      commitLabel={(count) => t('trainees.importCommit', { count })}
      doneText={(r) => t('trainees.importDone', r)}
      renderPreview={(p) => <TraineePreview preview={p} />}
    />
  );
}

function TraineePreview({ preview }: { preview: TraineeImportPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Badge variant="light" color={preview.rejectedRows ? 'orange' : 'teal'} data-testid="trainees-import-summary" tt="none">
        {t('trainees.importSummary', preview)}
      </Badge>
      {preview.rejected.length > 0 && (
        <Alert color="orange" title={t('rotation.setup.problems', { count: preview.rejected.length })}>
          <ImportProblemTable problems={preview.rejected} testId="trainees-import-problems" />
        </Alert>
      )}
      {preview.warnings.length > 0 && <ImportProblemTable problems={preview.warnings} testId="trainees-import-warnings" />}
      {preview.changes.length > 0 && (
        <Alert color="blue" title={t('trainees.changesTitle', { count: preview.changes.length })}>
          {preview.changes.slice(0, 50).map((c) => (
            <Text size="sm" key={c.traineeId}>
              {c.row} · {c.name}（{c.idNumber}）：
              {c.changes.map((x) => `${x.field} ${x.before ?? '—'} → ${x.after ?? '—'}`).join('；')}
            </Text>
          ))}
        </Alert>
      )}
      {preview.sample.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('trainees.sampleTitle')}
          </Text>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {preview.sample.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Td w={50}>{r.row}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ff="monospace">{r.idNumber}</Table.Td>
                  <Table.Td>{r.program ? t(`trainees.programs.${r.program}`) : '—'}</Table.Td>
                  <Table.Td>{r.specialtyCode ?? '—'}</Table.Td>
                  <Table.Td>{r.cohortYear ? t('trainees.cohortValue', { year: r.cohortYear }) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge size="sm" variant="light" color={r.status === 'rejected' ? 'red' : 'gray'}>
                        {t(`trainees.sampleStatus.${r.status}`)}
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
