import { Alert, Button, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyView } from '../../../../shared/contract/audit';
import { notifyError } from '../../app/notify';
import { useMutation } from '../../lib/query';

export function VerifyChainButton({ onResult }: { onResult: (r: AuditVerifyView) => void }) {
  const { t } = useTranslation();
  const verify = useMutation('audit.verify');
  return (
    <Button
      variant="light"
      leftSection={<IconShieldCheck size={16} />}
      loading={verify.busy}
      onClick={async () => {
        const r = await verify.run({});
        if (!r.ok) return notifyError(r.error, t('audit.verifyFailed'));
        onResult(r.value);
      }}
    >
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyResult({ result, onClose }: { result: AuditVerifyView; onClose: () => void }) {
  const { t } = useTranslation();
  const events = result.stations.reduce((s, x) => s + x.events, 0);
  if (result.ok) {
    return (
      <Alert
        color="teal"
        icon={<IconShieldCheck size={18} />}
        title={t('audit.verifyOk')}
        withCloseButton
        onClose={onClose}
        role="status"
      >
        {t('audit.verifyOkText', { events, stations: result.stations.length })}
      </Alert>
    );
  }
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={t('audit.verifyBad', { count: result.problems.length })}
      withCloseButton
      onClose={onClose}
      role="alert"
    >
      <List size="sm" spacing={2}>
        {result.problems.map((p, i) => (
          <List.Item key={i}>
            {t(`errors.${p.code}`, { defaultValue: p.message })}
            <Text span size="xs" c="dimmed" ml="xs">
              {t('audit.problemWhere', { station: p.stationId.slice(0, 8), seq: p.seq })}
            </Text>
          </List.Item>
        ))}
      </List>
      <Text size="sm" mt="xs">
        {t('audit.verifyBadHint')}
      </Text>
    </Alert>
  );
}
