import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanPreview } from '../../../../shared/contract/plan';
import { errorText } from '../../app/errors';

/** What was read from the file (shape, encoding, base column, totals), then every problem that blocks it. */
export function PreviewSummary({ preview }: { preview: PlanPreview }) {
  const { t } = useTranslation();
  const problems = preview.problems;
  return (
    <>
      <Group gap="xs">
        <Badge variant="light" color="gray">
          {t(`plan.shapes.${preview.shape}`)}
        </Badge>
        {preview.encoding && (
          <Badge variant="light" color="gray">
            {t('plan.encoding', { encoding: preview.encoding })}
          </Badge>
        )}
        {preview.baseColumn && (
          <Badge variant="light" color="blue">
            {t('plan.baseColumnChosen', { column: preview.baseColumn })}
          </Badge>
        )}
        <Badge variant="light" color="teal" data-testid="preview-total">
          {t('plan.previewTotal', { total: preview.total, count: preview.rows.length })}
        </Badge>
      </Group>

      {problems.length > 0 && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={18} />}
          title={t('plan.problemsTitle', { count: problems.length })}
          role="alert"
        >
          <List size="sm" spacing={2}>
            {problems.map((p, i) => (
              <List.Item key={i}>
                {errorText({ code: p.code, message: p.message, details: { row: p.row ?? undefined } })}
              </List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('plan.problemsFix')}
          </Text>
        </Alert>
      )}
    </>
  );
}
