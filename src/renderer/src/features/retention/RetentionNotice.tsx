import { Alert, Anchor } from '@mantine/core';
import { IconClockShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../../../shared/permissions';
import { navigate } from '../../app/router';
import { useQuery } from '../../lib/query';

/** On 首页 for those who may purge: a reminder when data has reached its retention period, nothing otherwise. */
export function RetentionNotice({ role }: { role: Role }) {
  const { t } = useTranslation();
  const allowed = can(role, 'retention.view');
  const preview = useQuery('retention.preview', undefined, allowed);
  const totals = preview.data?.totals;
  if (!allowed || !totals || (totals.applicants === 0 && totals.packages === 0)) return null;
  return (
    <Alert color="orange" icon={<IconClockShield size={18} />} data-testid="retention-notice">
      {totals.applicants > 0 ? t('retention.homeApplicants', { n: totals.applicants }) : ''}
      {totals.packages > 0 ? t('retention.homePackages', { n: totals.packages }) : ''}{' '}
      <Anchor component="button" onClick={() => navigate('/retention')}>
        {t('retention.homeLink')}
      </Anchor>
    </Alert>
  );
}
