import { Card, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../../../shared/permissions';
import { navigate } from '../../app/router';
import { useQuery } from '../../lib/query';

type Due = { key: string; text: string; path: string };

/**
 * What is due next, from what the station already knows: an empty plan, applicants waiting at the desk,
 * ties at the last seat, packages not yet delivered. Each line leads to the page where it is done.
 */
export function DueNext({ role }: { role: Role }) {
  const { t } = useTranslation();
  const plan = useQuery('plan.show', {}, can(role, 'plan.edit'));
  const desk = useQuery('confirm.dashboard', {}, can(role, 'applicants.view'));
  const admission = useQuery('admission.list', {}, can(role, 'admission.view'));
  const outbox = useQuery('outbox.list', {}, can(role, 'package.build'));

  const items: Due[] = [];
  if (plan.data && plan.data.total === 0) items.push({ key: 'plan', text: t('home.due.plan'), path: '/plan' });
  if (desk.data && desk.data.waiting > 0)
    items.push({
      key: 'desk',
      text: t('home.due.desk', { count: desk.data.waiting }),
      path: can(role, 'confirm.decide') ? '/desk' : '/applicants',
    });
  if (admission.data && admission.data.ties.length > 0)
    items.push({ key: 'ties', text: t('home.due.ties', { count: admission.data.ties.length }), path: '/admission' });
  const waiting = (outbox.data ?? []).filter((i) => i.state !== 'delivered').length;
  if (waiting > 0) items.push({ key: 'outbox', text: t('home.due.outbox', { count: waiting }), path: '/outbox' });

  return (
    <Card withBorder padding="lg" data-testid="due-next">
      <Text fw={600} mb="sm">
        {t('home.due.title')}
      </Text>
      {items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('home.due.nothing')}
        </Text>
      )}
      <Stack gap={4}>
        {items.map((i) => (
          <UnstyledButton key={i.key} onClick={() => navigate(i.path)} data-testid={`due-${i.key}`}>
            <Text size="sm" c="blue">
              {i.text} <IconChevronRight size={12} />
            </Text>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
}
