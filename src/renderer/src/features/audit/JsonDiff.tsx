import { Code, ScrollArea, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffJson } from './diff';

const COLORS = {
  added: 'var(--mantine-color-green-light)',
  removed: 'var(--mantine-color-red-light)',
  changed: 'var(--mantine-color-yellow-light)',
  same: undefined,
};

/** Before/after of one audit event, field by field; unchanged fields hidden unless asked for. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showSame, setShowSame] = useState(false);
  const lines = diffJson(before, after);
  const visible = showSame ? lines : lines.filter((l) => l.change !== 'same');
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noPayload')}
      </Text>
    );
  }
  return (
    <div>
      <Switch
        size="xs"
        mb="xs"
        label={t('audit.showUnchanged', { count: lines.length - visible.length })}
        checked={showSame}
        onChange={(e) => setShowSame(e.currentTarget.checked)}
      />
      <ScrollArea.Autosize mah={260} type="auto">
        <Table withTableBorder withColumnBorders verticalSpacing={2} fz="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((l) => (
              <Table.Tr key={l.path} bg={COLORS[l.change]}>
                <Table.Td>
                  <Code>{l.path}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{l.before ?? '—'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-all' }}>{l.after ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
