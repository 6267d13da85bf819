import { Alert, Badge, Button, Checkbox, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCalculator, IconFileSpreadsheet, IconPrinter, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/errors';
import { can } from '../../../../shared/permissions';
import { call } from '../../app/call';
import { notifyError, notifySuccess } from '../../app/notify';
import { useSession } from '../../app/session';
import { saveBase64, XLSX_MIME } from '../../lib/download';
import { formatDate, formatDateTime } from '../../lib/format';
import { showPrintable } from '../../lib/print';
import { useQuery } from '../../lib/query';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { DecisionsTab } from './DecisionsTab';
import { NotAdmittedTab } from './NotAdmittedTab';
import { PublishDialog } from './PublishDialog';
import { ResultsTab } from './ResultsTab';
import { StaleBanner } from './StaleBanner';
import { WindowBanner } from '../windows/WindowBanner';
import { StatsTab } from './StatsTab';
import { TrackingTab } from './TrackingTab';
import { TrainingYearsTab } from './TrainingYearsTab';
import { rerunAllocation, useRerunConsent } from './useRerunConsent';

export function AdmissionPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const editable = role ? can(role, 'admission.run') : false;
  const publisher = role ? can(role, 'admission.publish') : false;
  const list = useQuery('admission.list', {});
  const { consent, dialog } = useRerunConsent();
  const [publishing, setPublishing] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [running, setRunning] = useState(false);
  const [tab, setTab] = useState<string | null>('results');
  const notRun = list.error?.code === 'ADMISSION_NOT_RUN';

  async function runAllocation() {
    setRunning(true);
    const v = await rerunAllocation(consent, skipInvalid).catch((e: ApiError) => {
      notifyError(e);
      return null;
    });
    setRunning(false);
    if (v) {
      list.setData(v);
      setTab('results');
    }
  }

  async function exportSummary() {
    const r = await call('admission.summaryXlsx', {});
    if (!r.ok) return notifyError(r.error);
    saveBase64(r.value.fileName, r.value.contentBase64, XLSX_MIME);
    notifySuccess(t('admission.exported', { rows: r.value.rows, file: r.value.fileName }));
  }

  async function showPage(op: 'admission.publicationHtml' | 'admission.summaryHtml') {
    const r = await call(op, {});
    if (!r.ok) return notifyError(r.error);
    showPrintable({ title: r.value.fileName, html: r.value.html });
  }

  const v = list.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('admission.title')}</Title>
          {v && (
            <Group gap="xs" mt={4}>
              <Text c="dimmed" size="sm">
                {t('admission.cohort', { year: v.cohortYear, run: v.runNo, at: formatDateTime(v.createdAt) })}
              </Text>
              <Badge size="lg" variant="light" data-testid="admitted-badge">
                {t('admission.admittedBadge', { admitted: v.admitted.length, plan: v.planSeats })}
              </Badge>
              {v.stale && (
                <Badge size="lg" variant="light" color="orange" data-testid="stale-badge">
                  {t('admission.stale.badge')}
                </Badge>
              )}
              {v.poolSeats > 0 && (
                <Badge size="lg" variant="light" color="orange">
                  {t('admission.poolBadge', { pool: v.poolSeats })}
                </Badge>
              )}
              {v.published && (
                <Badge size="lg" variant="light" color="teal" data-testid="published-badge">
                  {t('admission.publishedBadge', {
                    start: formatDate(v.published.startDate),
                    end: formatDate(v.published.endDate),
                  })}
                </Badge>
              )}
            </Group>
          )}
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
          {v && publisher && (
            <>
              <Button variant="light" leftSection={<IconSpeakerphone size={16} />} onClick={() => setPublishing(true)}>
                {t('admission.publish')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconPrinter size={16} />}
                onClick={() => void showPage('admission.publicationHtml')}
              >
                {t('admission.printPublication')}
              </Button>
              <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportSummary()}>
                {t('admission.exportSummary')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconPrinter size={16} />}
                onClick={() => void showPage('admission.summaryHtml')}
              >
                {t('admission.printSummary')}
              </Button>
            </>
          )}
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
      {v && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="results">{t('admission.tabs.results')}</Tabs.Tab>
            <Tabs.Tab value="not-admitted">
              {t('admission.tabs.notAdmitted')} ({v.notAdmitted.length})
            </Tabs.Tab>
            <Tabs.Tab value="stats">{t('admission.tabs.stats')}</Tabs.Tab>
            <Tabs.Tab value="years">{t('admission.tabs.years')}</Tabs.Tab>
            <Tabs.Tab value="tracking">{t('admission.tabs.tracking')}</Tabs.Tab>
            <Tabs.Tab value="decisions">{t('admission.tabs.decisions')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="results" pt="md">
            <ResultsTab view={v} editable={editable} consent={consent} onChanged={list.setData} />
          </Tabs.Panel>
          <Tabs.Panel value="not-admitted" pt="md">
            <NotAdmittedTab view={v} editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="stats" pt="md">
            <StatsTab />
          </Tabs.Panel>
          <Tabs.Panel value="years" pt="md">
            <TrainingYearsTab editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="tracking" pt="md">
            <TrackingTab editable={editable} />
          </Tabs.Panel>
          <Tabs.Panel value="decisions" pt="md">
            <DecisionsTab editable={editable} consent={consent} onChanged={list.setData} />
          </Tabs.Panel>
        </Tabs>
      )}

      {dialog}
      <PublishDialog opened={publishing} onClose={() => setPublishing(false)} />
    </Stack>
  );
}
