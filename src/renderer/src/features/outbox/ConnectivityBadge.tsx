import { Badge } from '@mantine/core';
import { IconCloudOff, IconCloudCheck, IconAlertTriangle, IconPlugConnectedX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Connectivity } from '../../../../shared/contract/outbox';

const LOOK: Record<Connectivity, { color: string; icon: typeof IconCloudOff }> = {
  online: { color: 'teal', icon: IconCloudCheck },
  offline: { color: 'gray', icon: IconCloudOff },
  'not-intake': { color: 'orange', icon: IconAlertTriangle },
  unconfigured: { color: 'gray', icon: IconPlugConnectedX },
};

export function ConnectivityBadge({ value }: { value: Connectivity | null }) {
  const { t } = useTranslation();
  if (!value)
    return (
      <Badge variant="light" color="gray">
        {t('outbox.connectivity.checking')}
      </Badge>
    );
  const { color, icon: Icon } = LOOK[value];
  return (
    <Badge data-testid="connectivity" variant="light" color={color} size="lg" leftSection={<Icon size={14} />}>
      {t(`outbox.connectivity.${value}`)}
    </Badge>
  );
}
