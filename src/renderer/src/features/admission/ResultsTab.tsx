import { Stack } from '@mantine/core';
import { useState } from 'react';
import type { AdmissionRunView, AdmittedRow, ProposalView, TieView } from '../../../../shared/contract/admission';
import { AdjustDialog } from './AdjustDialog';
import { AdmittedTable } from './AdmittedTable';
import { CompetitionRankingDialog } from './CompetitionRankingDialog';
import type { Consent } from './consent';
import { DeclineDialog } from './DeclineDialog';
import { RunNotices } from './RunNotices';
import { TieDialog } from './TieDialog';
import { TiesAlert } from './TiesAlert';
import { UnfilledPanel } from './UnfilledPanel';

/** The admitted, specialty by specialty, after what still needs a person: ties, notices, empty seats. */
export function ResultsTab({
  view,
  editable,
  consent,
  onChanged,
}: {
  view: AdmissionRunView;
  editable: boolean;
  consent: Consent;
  onChanged: (v: AdmissionRunView) => void;
}) {
  const [tie, setTie] = useState<TieView | null>(null);
  const [declining, setDeclining] = useState<AdmittedRow | null>(null);
  const [adjusting, setAdjusting] = useState<ProposalView | null>(null);
  const [ranking, setRanking] = useState<{ code: string; name: string } | null>(null);
  const groups = new Map<string, AdmittedRow[]>();
  for (const a of view.admitted) groups.set(a.specialtyCode, [...(groups.get(a.specialtyCode) ?? []), a]);

  return (
    <Stack>
      {view.ties.length > 0 && <TiesAlert ties={view.ties} editable={editable} onDecide={setTie} />}
      <RunNotices view={view} />
      {(view.unfilled.length > 0 || view.proposals.length > 0) && (
        <UnfilledPanel view={view} editable={editable} onAssign={setAdjusting} />
      )}
      {[...groups.entries()].map(([code, rows]) => (
        <AdmittedTable
          key={code}
          code={code}
          rows={rows}
          editable={editable}
          onRanking={() => setRanking({ code, name: rows[0]!.specialtyName })}
          onDecline={setDeclining}
        />
      ))}

      <TieDialog tie={tie} consent={consent} onClose={() => setTie(null)} onChanged={onChanged} />
      <DeclineDialog row={declining} consent={consent} onClose={() => setDeclining(null)} onChanged={onChanged} />
      <AdjustDialog proposal={adjusting} view={view} consent={consent} onClose={() => setAdjusting(null)} onChanged={onChanged} />
      <CompetitionRankingDialog specialty={ranking} onClose={() => setRanking(null)} />
    </Stack>
  );
}
