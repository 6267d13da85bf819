import { Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpResult } from '../../../../shared/contract';
import { ErrorState, LoadingState } from '../../components/states';
import type { Query } from '../../lib/query';

type Preset = OpResult<'system.presets'>[number];

/** Setup step 2: the province preset the base follows (its programs and notes shown on each card). */
export function PresetStep({
  presets,
  presetId,
  error,
  onChange,
}: {
  presets: Query<OpResult<'system.presets'>>;
  presetId: string;
  error: string | undefined;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack mt="md">
      {presets.loading && !presets.data && <LoadingState />}
      {presets.error && <ErrorState error={presets.error} onRetry={presets.refresh} />}
      {presets.data && (
        <Radio.Group value={presetId} onChange={onChange} label={t('setup.preset')} error={error}>
          <Stack gap="xs" mt="xs">
            {presets.data.map((p) => (
              <PresetCard key={p.id} preset={p} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Stack>
  );
}

function PresetCard({ preset: p }: { preset: Preset }) {
  const { t } = useTranslation();
  return (
    <Radio.Card value={p.id} p="sm" radius="sm" aria-label={p.name}>
      <Group wrap="nowrap" align="flex-start">
        <Radio.Indicator mt={3} />
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{p.name}</Text>
            <Badge variant="light" color="gray">
              {p.province}
            </Badge>
            {p.programs.map((prog) => (
              <Badge key={prog} variant="outline" size="sm">
                {t(`programs.${prog}`)}
              </Badge>
            ))}
          </Group>
          {p.notes && (
            <Text size="sm" c="dimmed">
              {p.notes}
            </Text>
          )}
        </Stack>
      </Group>
    </Radio.Card>
  );
}
