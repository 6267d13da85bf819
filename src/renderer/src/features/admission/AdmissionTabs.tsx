import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AdmissionRunView } from '../../../../shared/contract/admission';
import type { Consent } from './consent';
import { DecisionsTab } from './DecisionsTab';
import { NotAdmittedTab } from './NotAdmittedTab';
import { ResultsTab } from './ResultsTab';
import { StatsTab } from './StatsTab';
import { TrackingTab } from './TrackingTab';
import { TrainingYearsTab } from './TrainingYearsTab';

/** The run's views: results, not admitted, statistics, training years, tracking, decisions. */
export function AdmissionTabs({
  view: v,
  tab,
  onTab,
  editable,
  consent,
  onChanged,
}: {
  view: AdmissionRunView;
  tab: string | null;
  onTab: (tab: string | null) => void;
  editable: boolean;
  consent: Consent;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Tabs value={tab} onChange={onTab} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="results">{t('admission.tabs.results')}</Tabs.Tab>
        <Tabs.Tab value="not-admitted">
          {t('admission.tabs.notAdmitted')} ({v.notAdmittedCount})
        </Tabs.Tab>
        <Tabs.Tab value="stats">{t('admission.tabs.stats')}</Tabs.Tab>
        <Tabs.Tab value="years">{t('admission.tabs.years')}</Tabs.Tab>
        <Tabs.Tab value="tracking">{t('admission.tabs.tracking')}</Tabs.Tab>
        <Tabs.Tab value="decisions">{t('admission.tabs.decisions')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="results" pt="md">
        <ResultsTab view={v} editable={editable} consent={consent} onChanged={onChanged} />
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
        <DecisionsTab editable={editable} consent={consent} onChanged={onChanged} />
      </Tabs.Panel>
    </Tabs>
  );
}
