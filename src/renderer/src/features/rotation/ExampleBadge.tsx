import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** 示例: an example scheme must say so wherever it shows (the domain's rule: ship examples as data, marked). */
export function ExampleBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('rotation.exampleHint')} multiline w={280}>
      <Badge color="orange" variant="filled" data-testid="example-badge">
        {t('rotation.example')}
      </Badge>
    </Tooltip>
  );
}
