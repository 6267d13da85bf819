import { Alert, Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/call';
import { ImportDialog } from '../../components/ImportDialog';
import { ImportProblemTable } from '../../components/ImportProblemTable';
import { mutate } from '../../lib/query';
import { ExampleBadge } from './ExampleBadge';

/** 导入轮转方案; an example scheme is marked as one when imported and says 示例 everywhere after. */
export function ImportSchemesDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [example, setExample] = useState(false);
  return (
    <ImportDialog
      opened={opened}
      onClose={onClose}
      title={t('rotation.setup.importSchemesTitle')}
      hint={t('rotation.setup.importSchemesHint')}
      inputTestId="schemes-file-input"
      extra={
        <Checkbox
          label={t('rotation.setup.markExample')}
          checked={example}
          onChange={(e) => setExample(e.currentTarget.checked)}
        />
      }
      preview={(src) => call('rotation.previewSchemes', src)}
      commit={(src) => mutate('rotation.importSchemes', { ...src, example })}
      writable={(p) => (p.rejected.length > 0 ? 0 : p.schemes.length)}
      commitLabel={(count) => `${t('rotation.setup.commit')}（${count}）`}
      doneText={(r) => t('rotation.setup.imported', { count: r.imported })}
      renderPreview={(p) => (
        <Stack gap="xs">
          <Badge variant="light" color={p.rejected.length ? 'orange' : 'teal'} tt="none" data-testid="schemes-preview">
            {t('rotation.setup.previewSummary', { count: p.schemes.length, rejected: p.rejected.length })}
          </Badge>
          {p.schemes.map((s) => (
            <Group key={`${s.program}-${s.specialtyCode}-${s.years}`} gap="xs">
              <Text size="sm">
                {t('rotation.setup.schemeTitle', {
                  specialty: s.specialtyCode,
                  program: t(`trainees.programs.${s.program}`),
                  years: s.years,
                  months: s.totalMonths,
                })}
              </Text>
              {(s.example || example) && <ExampleBadge />}
            </Group>
          ))}
          {p.rejected.length > 0 && (
            <Alert color="orange" title={t('rotation.setup.problems', { count: p.rejected.length })}>
              <ImportProblemTable problems={p.rejected} testId="schemes-problems" />
            </Alert>
          )}
        </Stack>
      )}
    />
  );
}
