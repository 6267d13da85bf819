import { Button, Group, Select, Stack, Title } from '@mantine/core';
import { IconCalendarCheck, IconPrinter, IconWand } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentView, PlanGridSummary } from '../../../../shared/contract/rotation';
import { can } from '../../../../shared/permissions';
import { useSession } from '../../app/session';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useQuery } from '../../lib/query';
import { departmentColor } from './department-colors';
import { ExampleBadge } from './ExampleBadge';
import { addMonths, halfOf } from './half-months';
import { LoadHeatmap } from './LoadHeatmap';
import { PlanGrid } from './PlanGrid';
import { PlanNotices } from './PlanNotices';
import { ReasonDialog } from './ReasonDialog';
import { cohortFacts, type CohortGrid } from './grid-model';
import { useCohortGrid, type CohortGridState } from './useCohortGrid';
import { usePlanActions } from './usePlanActions';

/**
 * 轮转计划: one cohort's plans as a grid, the department load, 一键排班 and 审核通过. The departments and the
 * cohort's first rows are read at once (the grid names blocks by department, but needs no wait for them).
 */
export function PlanPage() {
  const departments = useQuery('rotation.listDepartments', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const names = useMemo(() => new Map((departments.data ?? []).map((d) => [d.id, d.name])), [departments.data]);
  const departmentName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const cohortGrid = useCohortGrid(chosen, departmentName);
  if (departments.error) return <ErrorState error={departments.error} onRetry={departments.refresh} />;
  if (!departments.data) return <LoadingState />;
  return <CohortPlan departments={departments.data} chosen={chosen} onChoose={setChosen} cohortGrid={cohortGrid} />;
}

function CohortPlan({
  departments,
  chosen,
  onChoose,
  cohortGrid,
}: {
  departments: DepartmentView[];
  chosen: number | null;
  onChoose: (cohortYear: number) => void;
  cohortGrid: CohortGridState;
}) {
  const { t } = useTranslation();
  const role = useSession((s) => s.user?.role);
  const canManage = role ? can(role, 'rotation.manage') : false;
  const grid = cohortGrid.grid;
  const cohort = grid?.cohortYear ?? chosen;
  const actions = usePlanActions(cohort, cohortGrid);
  const colorIndex = useMemo(() => new Map(departments.map((d, i) => [d.id, i])), [departments]);
  const colorOf = useCallback((id: string) => departmentColor(colorIndex.get(id) ?? 0), [colorIndex]);
  const facts = useMemo(() => (grid ? cohortFacts(grid) : NO_FACTS), [grid]);

  if (cohortGrid.error && !grid) return <ErrorState error={cohortGrid.error} onRetry={cohortGrid.reload} />;
  const total = grid?.total ?? 0;
  const { start, unapproved, unplanned, example } = facts;
  const ready = grid !== null && total > 0;
  const years = cohortGrid.cohorts;

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Title order={2}>{t('rotation.plan.title')}</Title>
          {example && <ExampleBadge />}
        </Group>
        <Group align="flex-end">
          <Select
            label={t('rotation.plan.cohort')}
            data={years.map((y) => ({ value: String(y), label: t('rotation.plan.cohortValue', { year: y }) }))}
            value={cohort === null ? null : String(cohort)}
            onChange={(v) => v && onChoose(Number(v))}
            allowDeselect={false}
            w={130}
          />
          {canManage && (
            <Button
              leftSection={<IconWand size={16} />}
              loading={actions.busy === 'plan'}
              disabled={total === 0}
              onClick={() => void actions.autoPlan()}
            >
              {t('rotation.plan.autoPlan')}
            </Button>
          )}
          <PrintButtons disabled={!ready} print={actions.print} />
          {canManage && (
            <Button
              variant="light"
              leftSection={<IconCalendarCheck size={16} />}
              loading={actions.busy === 'approve'}
              disabled={!ready || unapproved - unplanned === 0}
              onClick={() => void actions.approve()}
            >
              {t('rotation.plan.approve')}
            </Button>
          )}
        </Group>
      </Group>
      {grid !== null && total === 0 && (
        <EmptyState title={t('rotation.plan.noTrainees')} description={t('rotation.plan.noTraineesHint')} />
      )}
      <PlanNotices
        start={ready ? start : null}
        unapproved={unapproved}
        unplanned={unplanned}
        outcome={actions.outcome}
        approval={actions.approval}
        refusal={actions.refusal}
        onDismissRefusal={() => actions.setRefusal(null)}
      />
      {grid === null && <LoadingState label={t('rotation.plan.loading')} />}
      {ready && start && (
        <CohortBody
          grid={grid}
          start={start}
          maxYears={facts.maxYears}
          departments={departments}
          colorOf={colorOf}
          actions={actions}
          cohortGrid={cohortGrid}
        />
      )}
      <ReasonDialog
        opened={actions.needsReason !== null}
        onClose={() => actions.setNeedsReason(null)}
        submit={(reason) =>
          actions.needsReason
            ? actions.move(actions.needsReason.move, reason, actions.needsReason.undoing)
            : Promise.resolve({ ok: true, value: null })
        }
      />
    </Stack>
  );
}

const NO_FACTS: PlanGridSummary = { start: null, maxYears: 1, unapproved: 0, unplanned: 0, example: false };

/** The grid, its legend and the department load, once the cohort's first rows are read. */
function CohortBody({
  grid,
  start,
  maxYears,
  departments,
  colorOf,
  actions,
  cohortGrid,
}: {
  grid: CohortGrid;
  start: string;
  maxYears: number;
  departments: DepartmentView[];
  colorOf: (id: string) => string;
  actions: ReturnType<typeof usePlanActions>;
  cohortGrid: CohortGridState;
}) {
  const { t } = useTranslation();
  const from = start.slice(0, 7);
  return (
    <>
      <PlanGrid
        trainees={grid.trainees}
        total={grid.total}
        plans={grid.plans}
        origin={halfOf(start)}
        halves={maxYears * 24}
        colorOf={colorOf}
        onMove={async (m) => void (await actions.move(m))}
        onUndo={() => void actions.undoLast()}
        canUndo={actions.canUndo}
        onPrintTrainee={(tr) => void actions.print('plan', tr)}
      />
      <Group gap="sm" aria-label={t('rotation.plan.legend')}>
        {departments.map((d) => (
          <span key={d.id} className="plan-grid-legend">
            <span className="plan-grid-swatch" style={{ background: colorOf(d.id) }} />
            {d.name}
          </span>
        ))}
      </Group>
      {cohortGrid.error && !grid.complete && <ErrorState error={cohortGrid.error} onRetry={cohortGrid.reload} />}
      {/* After the rest of the rows: the load's read is the page's slowest, and would hold them up. */}
      {grid.complete ? (
        <LoadHeatmap from={from} to={addMonths(from, maxYears * 12 - 1)} departments={departments} />
      ) : (
        <LoadingState />
      )}
    </>
  );
}

/** The printable A4 pages of the cohort, shown in the print preview. */
function PrintButtons({ disabled, print }: { disabled: boolean; print: (kind: 'plan' | 'exitExams') => Promise<void> }) {
  const { t } = useTranslation();
  return (
    <>
      <Button variant="default" leftSection={<IconPrinter size={16} />} disabled={disabled} onClick={() => void print('plan')}>
        {t('rotation.plan.printCohort')}
      </Button>
      <Button variant="default" disabled={disabled} onClick={() => void print('exitExams')}>
        {t('rotation.plan.printExitExams')}
      </Button>
    </>
  );
}
