import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsSplit, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { AddPlanRowModal } from './AddPlanRowModal';
import { ImportPlanModal } from './ImportPlanModal';
import { PlanTable } from './PlanTable';
import { SplitPoolModal } from './SplitPoolModal';
import { usePlanUi } from './store';

export function PlanPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const editable = role ? can(role, 'plan.edit') : false;
  const plan = useQuery('plan.show', {});
  const dialog = usePlanUi((s) => s.dialog);
  const open = usePlanUi((s) => s.open);
  const pools = (plan.data?.rows ?? []).filter((r) => r.unallocated && r.quota > 0);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('plan.title')}</Title>
          {plan.data && (
            <Group gap="xs" mt={4}>
              <Text c="dimmed">{t('plan.cohort', { year: plan.data.cohortYear })}</Text>
              <Badge size="lg" variant="light" data-testid="plan-total">
                {t('plan.totalBadge', { total: plan.data.total })}
              </Badge>
            </Group>
          )}
        </div>
        {editable && (
          <Group>
            {pools.length > 0 && (
              <Button variant="light" leftSection={<IconArrowsSplit size={16} />} onClick={() => open('split')}>
                {t('plan.splitPool')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => open('add')} disabled={!plan.data}>
              {t('plan.addRow')}
            </Button>
            <Button leftSection={<IconFileImport size={16} />} onClick={() => open('import')}>
              {t('plan.import')}
            </Button>
          </Group>
        )}
      </Group>

      {plan.error && <ErrorState error={plan.error} onRetry={plan.refresh} />}
      {!plan.data && !plan.error && <LoadingState />}
      {plan.data && plan.data.rows.length === 0 && (
        <EmptyState
          title={t('plan.empty')}
          description={editable ? t('plan.emptyHint') : t('plan.emptyReadOnly')}
          action={
            editable && (
              <Button leftSection={<IconFileImport size={16} />} onClick={() => open('import')}>
                {t('plan.import')}
              </Button>
            )
          }
        />
      )}
      {plan.data && plan.data.rows.length > 0 && <PlanTable plan={plan.data} editable={editable} onChanged={plan.setData} />}

      {editable && plan.data && (
        <>
          <ImportPlanModal opened={dialog === 'import'} onClose={() => open(null)} onImported={plan.setData} />
          <SplitPoolModal opened={dialog === 'split'} pools={pools} onClose={() => open(null)} onChanged={plan.setData} />
          <AddPlanRowModal opened={dialog === 'add'} plan={plan.data} onClose={() => open(null)} onChanged={plan.setData} />
        </>
      )}
    </Stack>
  );
}
