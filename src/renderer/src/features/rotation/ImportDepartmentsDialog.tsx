import { Alert, Badge, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { ImportDialog } from '../../components/ImportDialog';
import { ImportProblemTable } from '../../components/ImportProblemTable';
import { mutate } from '../../lib/query';

/** 导入科室: name, standard departments, capacity, site; all or nothing. */
export function ImportDepartmentsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportDialog
      opened={opened}
      onClose={onClose}
      title={t('rotation.setup.importDepartmentsTitle')}
      hint={t('rotation.setup.importDepartmentsHint')}
      inputTestId="departments-file-input"
      preview={(src) => call('rotation.previewDepartments', src)}
      commit={(src) => mutate('rotation.importDepartments', src)}
      writable={(p) => (p.rejected.length > 0 ? 0 : p.departments.length)}
      commitLabel={(count) => `${t('rotation.setup.commit')}（${count}）`}
      doneText={(r) => t('rotation.setup.imported', { count: r.imported })}
      renderPreview={(p) => (
        <Stack gap="xs">
          <Badge variant="light" color={p.rejected.length ? 'orange' : 'teal'} tt="none" data-testid="departments-preview">
            {t('rotation.setup.previewSummary', { count: p.departments.length, rejected: p.rejected.length })}
          </Badge>
          {p.rejected.length > 0 && (
            <Alert color="orange" title={t('rotation.setup.problems', { count: p.rejected.length })}>
              <ImportProblemTable problems={p.rejected} testId="departments-problems" />
            </Alert>
          )}
        </Stack>
      )}
    />
  );
}
