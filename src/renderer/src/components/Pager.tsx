import { Button, Group, NumberInput, Pagination, Select, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZES = [20, 50, 100, 200] as const;

/**
 * Page controls for long tables: how many rows match, which page of how many, the page numbers, a page-size
 * choice and a jump box (Enter or 跳转) that clamps to the pages that exist instead of showing an empty page.
 */
export function Pager({
  total,
  page,
  pageSize,
  onPage,
  onPageSize,
  testId = 'pager',
}: {
  total: number;
  /** 1-based */
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** A new page size also goes back to page 1: the old page number points at different rows. */
  onPageSize?: (size: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const [jump, setJump] = useState<string | number>('');
  const go = () => {
    const n = Math.round(Number(jump));
    if (!Number.isFinite(n) || jump === '') return;
    onPage(Math.min(pages, Math.max(1, n)));
    setJump('');
  };
  return (
    <Group justify="space-between" gap="sm" data-testid={testId} role="navigation" aria-label={t('lists.pager.label')}>
      <Text size="sm" data-testid={`${testId}-summary`}>
        {t('lists.pager.summary', { total, page: Math.min(page, pages), pages })}
      </Text>
      <Group gap="sm">
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPage}
          withEdges
          size="sm"
          getItemProps={(p) => ({ 'aria-label': t('lists.pager.pageN', { page: p }) })}
          getControlProps={(control) => ({ 'aria-label': t(`lists.pager.${control}`) })}
        />
        <NumberInput
          aria-label={t('lists.pager.jumpLabel', { pages })}
          placeholder={t('lists.pager.jump')}
          value={jump}
          onChange={setJump}
          min={1}
          max={pages}
          allowDecimal={false}
          hideControls
          w={70}
          size="xs"
          onKeyDown={(e) => {
            if (e.key === 'Enter') go();
          }}
        />
        <Button size="xs" variant="default" onClick={go}>
          {t('lists.pager.go')}
        </Button>
        {onPageSize && (
          <Select
            aria-label={t('lists.pager.pageSize')}
            data={PAGE_SIZES.map((n) => ({ value: String(n), label: t('lists.pager.perPage', { n }) }))}
            value={String(pageSize)}
            onChange={(v) => {
              if (!v) return;
              onPageSize(Number(v));
              onPage(1);
            }}
            allowDeselect={false}
            w={110}
            size="xs"
          />
        )}
      </Group>
    </Group>
  );
}
