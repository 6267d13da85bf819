import { Alert, Button, Checkbox, Group, Stack, Title } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import type { ApiError } from '../../../../shared/errors';
import { can } from '../../../../shared/permissions';
import { notifyError } from '../../app/notify';
import { useSession } from '../../app/session';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { WindowBanner } from '../windows/WindowBanner';
import { AdmissionSummary } from './AdmissionSummary';
import { AdmissionTabs } from './AdmissionTabs';
import { PublicationButtons } from './PublicationButtons';
import { StaleBanner } from './StaleBanner';
import { rerunAllocation, useRerunConsent } from './useRerunConsent';

/** A change returns only the first page of the lists: then the page reads the whole result again. */
const complete = (v: AdmissionRunView) => v.admitted.length === v.admittedCount && v.notAdmitted.length === v.notAdmittedCount;

export function AdmissionPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const editable = role ? can(role, 'admission.run') : false;
  const publisher = role ? can(role, 'admission.publish') : false;
  const list = useQuery('admission.list', {});
  const { consent, dialog } = useRerunConsent();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [running, setRunning] = useState(false);
  const [tab, setTab] = useState<string | null>('results');
  const notRun = list.error?.code === 'ADMISSION_NOT_RUN';
  const show = (v: AdmissionRunView) => (complete(v) ? list.setData(v) : list.refresh());

  async function runAllocation() {
    setRunning(true);
    const v = await rerunAllocation(consent, skipInvalid).catch((e: ApiError) => {
      notifyError(e);
      return null;
    });
    setRunning(false);
    if (v) {
      show(v);
      setTab('results');
    }
  }

  const v = list.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('admission.title')}</Title>
          {v && <AdmissionSummary view={v} />}
        </div>
        <Group>
          {editable && (
            <Checkbox
              size="xs"
              label={t('admission.skipInvalid')}
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
            />
          )}
          {editable && (
            <Button leftSection={<IconCalculator size={16} />} loading={running} onClick={() => void runAllocation()}>
              {v ? t('admission.rerun') : t('admission.run')}
            </Button>
          )}
          {v && publisher && <PublicationButtons />}
        </Group>
      </Group>
      <WindowBanner governs="admission-publication" />
      <WindowBanner governs="second-choices" />

      {list.error && !notRun && <ErrorState error={list.error} onRetry={list.refresh} />}
      {!v && !list.error && <LoadingState />}
      {notRun && !v && <EmptyState title={t('admission.notRun')} description={t('admission.notRunHint')} />}
      {v && <StaleBanner staleness={v} runNo={v.runNo} {...(editable ? { onRerun: () => void runAllocation(), running } : {})} />}
      {v && v.provisional && (
        <Alert color="orange" variant="light">
          {t('admission.provisional')}
        </Alert>
      )}
      {v && <AdmissionTabs view={v} tab={tab} onTab={setTab} editable={editable} consent={consent} onChanged={show} />}

      {dialog}
    </Stack>
  );
}
