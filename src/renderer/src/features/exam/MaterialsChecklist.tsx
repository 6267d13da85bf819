import { Button, Checkbox, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExamCandidateView } from '../../../../shared/contract/exam';
import { errorText } from '../../app/errors';
import { notifySuccess } from '../../app/notify';
import { useMutation } from '../../lib/query';

/** The papers this kind of candidate hands in, ticked as received, and what to bring on site. */
export function MaterialsChecklist({ candidate, year }: { candidate: ExamCandidateView; year: number }) {
  const { t } = useTranslation();
  // What the core holds, as one string, so a refetch that changes nothing keeps unsaved ticks.
  const received = candidate.materials
    .filter((m) => m.received)
    .map((m) => m.key)
    .join('|');
  const [ticked, setTicked] = useState<string[]>([]);
  const save = useMutation('exam.recordMaterials');
  useEffect(() => setTicked(received ? received.split('|') : []), [candidate.traineeId, received]);

  async function submit() {
    const r = await save.run({ year, trainee: candidate.traineeId, received: ticked });
    if (r.ok) notifySuccess(t('exam.materialsSaved'));
  }

  return (
    <Paper withBorder p="sm">
      <Text fw={600} mb={4}>
        {t('exam.materials')}
      </Text>
      <Checkbox.Group value={ticked} onChange={setTicked}>
        <Stack gap={6}>
          {candidate.materials.map((m) => (
            <Checkbox key={m.key} value={m.key} label={`${m.label}${m.when ? t('exam.materialWhen', { when: m.when }) : ''}`} />
          ))}
        </Stack>
      </Checkbox.Group>
      {save.error && (
        <Text size="sm" c="red" role="alert" mt={4}>
          {errorText(save.error)}
        </Text>
      )}
      <Group mt="xs">
        <Button size="xs" variant="default" loading={save.busy} onClick={() => void submit()}>
          {t('exam.saveMaterials')}
        </Button>
      </Group>
      {candidate.onsiteItems.length > 0 && (
        <>
          <Text size="sm" fw={500} mt="sm">
            {t('exam.onsite')}
          </Text>
          <List size="sm">
            {candidate.onsiteItems.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}
