import { Button, Group, Paper, Text } from '@mantine/core';
import { memo, useCallback, useMemo, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMonth } from '../../lib/format';
import { useWindowedRows } from '../../lib/useWindowedRows';
import type { GridBlock, GridPlan, GridPlans, GridTrainee } from './grid-model';
import { halfOf, monthOfHalf, startOfHalf } from './half-months';
import { findBlock, useGridKeys, type FoundBlock, type Selection } from './useGridKeys';
import './plan-grid.css';

const ROW_H = 28;
const NAME_W = 170;
const VIEWPORT_H = 420;
const HEADER_H = 36;

/**
 * A shift-and-push of one block by `by` half months (negative = earlier): the blocks it passes close up
 * behind it, so the plan keeps its months and its end (the core checks every rule).
 */
export type MoveRequest = { trainee: GridTrainee; block: GridBlock; by: number };

/**
 * Trainees × half months, one coloured bar per rotation block. Only the rows in view are rendered. All by
 * keyboard (see `useGridKeys`) or by mouse: a block is selected, moved half a month at a time, saved with
 * Enter (or on release); the server checks every edit and refuses what breaks a rule.
 */
export function PlanGrid({
  trainees,
  total,
  plans,
  origin,
  halves,
  colorOf,
  onMove,
  onUndo,
  canUndo,
  onPrintTrainee,
}: {
  /** The rows read so far, in order from the first. */
  trainees: readonly GridTrainee[];
  /** Rows in the cohort: the grid scrolls over all of them while the rest are still being read. */
  total: number;
  plans: GridPlans;
  /** The first half month shown (the cohort's start). */
  origin: number;
  halves: number;
  colorOf: (departmentId: string) => string;
  onMove: (m: MoveRequest) => Promise<void>;
  onUndo: () => void;
  canUndo: boolean;
  onPrintTrainee: (trainee: GridTrainee) => void;
}) {
  const { t } = useTranslation();
  const texts = useRowTexts();
  const cellW = Math.max(10, Math.floor(960 / halves));
  const rows = useWindowedRows(total, ROW_H, VIEWPORT_H);
  const drag = useRef<{ x: number; selection: Selection } | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const keys = useGridKeys({ trainees, plans, grid, rowHeight: ROW_H, viewport: VIEWPORT_H - HEADER_H, onMove, onUndo });
  const { sel, setSel } = keys;
  const selected = useMemo(() => (sel ? findBlock(trainees, plans, sel) : null), [trainees, plans, sel]);
  const selectedTrainee = selected?.trainee ?? null;
  const printSelected = useCallback(() => selectedTrainee && onPrintTrainee(selectedTrainee), [selectedTrainee, onPrintTrainee]);

  function onPointerDown(e: PointerEvent<HTMLDivElement>, traineeId: string, blockId: string) {
    const s = { traineeId, blockId, offset: 0 };
    setSel(s);
    drag.current = { x: e.clientX, selection: s };
    e.currentTarget.setPointerCapture(e.pointerId);
    grid.current?.focus();
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    const offset = Math.round((e.clientX - drag.current.x) / cellW);
    setSel({ ...drag.current.selection, offset });
  }
  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    const offset = Math.round((e.clientX - drag.current.x) / cellW);
    const s = drag.current.selection;
    drag.current = null;
    if (offset !== 0) void keys.save({ ...s, offset });
  }

  // Stable handlers, so a scroll re-renders only the rows coming into view (PlanRow is memoised).
  const handlers = useRef({ down: onPointerDown, move: onPointerMove, up: onPointerUp });
  handlers.current = { down: onPointerDown, move: onPointerMove, up: onPointerUp };
  const pointer = useMemo<Pointer>(
    () => ({
      down: (e, traineeId, blockId) => handlers.current.down(e, traineeId, blockId),
      move: (e) => handlers.current.move(e),
      up: (e) => handlers.current.up(e),
    }),
    [],
  );

  const width = NAME_W + halves * cellW;
  return (
    <Paper withBorder>
      <GridStatus selected={selected} offset={sel?.offset ?? 0} canUndo={canUndo} onUndo={onUndo} onPrint={printSelected} />
      <div
        ref={grid}
        tabIndex={0}
        role="grid"
        aria-label={t('rotation.plan.grid')}
        aria-rowcount={total}
        aria-describedby="plan-grid-keys"
        data-testid="plan-grid"
        onKeyDown={keys.onKeyDown}
        onScroll={rows.onScroll}
        style={{
          height: Math.min(VIEWPORT_H, HEADER_H + total * ROW_H + 16),
          overflow: 'auto',
          position: 'relative',
          outlineOffset: -2,
        }}
      >
        <HeaderRow origin={origin} halves={halves} cellW={cellW} width={width} />
        <div style={{ height: rows.totalHeight, position: 'relative', width }}>
          {trainees.slice(rows.first, rows.last).map((tr, i) => (
            <PlanRow
              key={tr.id}
              trainee={tr}
              plan={plans.get(tr.id) ?? null}
              index={rows.first + i}
              width={width}
              origin={origin}
              cellW={cellW}
              sel={sel?.traineeId === tr.id ? sel : null}
              colorOf={colorOf}
              pointer={pointer}
              texts={texts}
            />
          ))}
        </div>
      </div>
      <Text size="xs" c="dimmed" px="sm" py={6} id="plan-grid-keys" data-testid="grid-keys-help">
        {t('rotation.plan.gridHint')}
      </Text>
    </Paper>
  );
}

/** Above the grid: the block selected (and where it is being moved), 打印 for its trainee, 撤销. */
const GridStatus = memo(function GridStatus({
  selected,
  offset,
  canUndo,
  onUndo,
  onPrint,
}: {
  selected: FoundBlock | null;
  offset: number;
  canUndo: boolean;
  onUndo: () => void;
  onPrint: () => void;
}) {
  const { t } = useTranslation();
  const b = selected?.block;
  const text = !selected
    ? t('rotation.plan.noSelection')
    : offset !== 0
      ? t('rotation.plan.moving', {
          name: selected.trainee.name,
          department: b!.department,
          start: formatDate(startOfHalf(halfOf(b!.start) + offset)),
        })
      : t('rotation.plan.selected', {
          name: selected.trainee.name,
          department: b!.department,
          start: formatDate(b!.start),
          end: formatDate(b!.end),
        });
  return (
    <Group justify="space-between" px="sm" py={4} gap="xs" bg={offset !== 0 ? 'var(--mantine-color-blue-light)' : undefined}>
      <Text size="sm" data-testid={offset !== 0 ? 'move-status' : 'selection-status'}>
        {text}
      </Text>
      <Group gap="xs">
        <Button size="compact-xs" variant="default" disabled={!selected} onClick={onPrint}>
          {t('rotation.plan.printTrainee')}
        </Button>
        <Button size="compact-xs" variant="default" disabled={!canUndo} onClick={onUndo} title="Ctrl+Z">
          {t('rotation.plan.undo')}
        </Button>
      </Group>
    </Group>
  );
});

type Pointer = {
  down: (e: PointerEvent<HTMLDivElement>, traineeId: string, blockId: string) => void;
  move: (e: PointerEvent<HTMLDivElement>) => void;
  up: (e: PointerEvent<HTMLDivElement>) => void;
};

/** The words a row shows, made once per language for every row (a hook per row or bar costs on scroll). */
type RowTexts = {
  status: (plan: GridPlan | null) => string;
  example: string;
  exampleHint: string;
  /** A bar's accessible name; cached per block, so a row scrolled back into view reuses it. */
  blockLabel: (name: string, block: GridBlock) => string;
};

/** Placeholders no name or department contains, filled in per bar instead of a t() call per bar. */
const SLOTS = { name: '\u0001', department: '\u0002', start: '\u0003', end: '\u0004' } as const;

function useRowTexts(): RowTexts {
  const { t } = useTranslation();
  return useMemo(() => {
    const template = t('rotation.plan.blockLabel', SLOTS);
    const labels = new WeakMap<GridBlock, string>();
    // A replacer function, so a `$` in a name is taken as it is.
    const fill = (name: string, b: GridBlock) =>
      template
        .replaceAll(SLOTS.name, () => name)
        .replaceAll(SLOTS.department, () => b.department)
        .replaceAll(SLOTS.start, () => formatDate(b.start))
        .replaceAll(SLOTS.end, () => formatDate(b.end));
    return {
      status: (plan) => (plan?.status ? t(`rotation.plan.statuses.${plan.status}`) : t('rotation.plan.noPlan')),
      example: t('rotation.example'),
      exampleHint: t('rotation.exampleHint'),
      blockLabel: (name, b) => {
        let label = labels.get(b);
        if (label === undefined) {
          label = fill(name, b);
          labels.set(b, label);
        }
        return label;
      },
    };
  }, [t]);
}

/** One trainee's row: name and plan status, then a bar per block at its half months. */
const PlanRow = memo(function PlanRow({
  trainee: tr,
  plan,
  index,
  width,
  origin,
  cellW,
  sel,
  colorOf,
  pointer,
  texts,
}: {
  trainee: GridTrainee;
  plan: GridPlan | null;
  index: number;
  width: number;
  origin: number;
  cellW: number;
  sel: Selection | null;
  colorOf: (departmentId: string) => string;
  pointer: Pointer;
  texts: RowTexts;
}) {
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      data-testid={`plan-row-${tr.id}`}
      className="plan-grid-row"
      style={{ top: index * ROW_H, height: ROW_H, width }}
    >
      <div role="rowheader" className="plan-grid-rowheader" style={{ width: NAME_W }}>
        <span className="plan-grid-name">{tr.name}</span>
        <span className="plan-grid-badge" data-approved={plan?.status && plan.status !== 'draft' ? '' : undefined}>
          {texts.status(plan)}
        </span>
        {plan?.example && (
          <span className="plan-grid-badge" data-example="" data-testid="example-badge" title={texts.exampleHint}>
            {texts.example}
          </span>
        )}
      </div>
      <div className="plan-grid-track">
        {plan?.blocks.map((b) => {
          const selected = sel?.blockId === b.id;
          const width = (halfOf(b.end) - halfOf(b.start) + 1) * cellW - 1;
          return (
            <div
              key={b.id}
              role="gridcell"
              className="plan-grid-bar"
              aria-selected={selected}
              aria-label={texts.blockLabel(tr.name, b)}
              title={`${b.department}：${formatDate(b.start)} – ${formatDate(b.end)}`}
              data-testid={`block-${b.id}`}
              data-start={b.start}
              data-end={b.end}
              data-department={b.departmentId}
              data-std={b.standardDepartment}
              data-moved={selected && sel.offset !== 0 ? '' : undefined}
              onPointerDown={(e) => pointer.down(e, tr.id, b.id)}
              onPointerMove={pointer.move}
              onPointerUp={pointer.up}
              style={{
                left: (halfOf(b.start) - origin + (selected ? sel.offset : 0)) * cellW,
                width,
                background: colorOf(b.departmentId),
              }}
            >
              {width > 28 ? b.department : ''}
            </div>
          );
        })}
      </div>
    </div>
  );
});

/** Years on the first line, months on the second: a half-month column is too narrow for both. */
const HeaderRow = memo(function HeaderRow({
  origin,
  halves,
  cellW,
  width,
}: {
  origin: number;
  halves: number;
  cellW: number;
  width: number;
}) {
  const months = spans(origin, halves, (h) => monthOfHalf(h));
  const years = spans(origin, halves, (h) => monthOfHalf(h).slice(0, 4));
  const cellStyle = (from: number, span: number, top: number) =>
    ({
      position: 'absolute',
      top,
      left: NAME_W + from * cellW,
      width: span * cellW,
      height: HEADER_H / 2,
      fontSize: 10,
      textAlign: 'center',
      borderLeft: '1px solid var(--mantine-color-default-border)',
      whiteSpace: 'nowrap',
      overflow: 'hidden',
    }) as const;
  return (
    <div
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 2,
        height: HEADER_H,
        width,
        background: 'var(--mantine-color-body)',
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      {years.map((y) => (
        <div key={y.label} style={cellStyle(y.from, y.span, 0)}>
          {`${y.label}年`}
        </div>
      ))}
      {months.map((m) => (
        <div key={m.label} style={cellStyle(m.from, m.span, HEADER_H / 2)} title={formatMonth(m.label)}>
          {`${Number(m.label.slice(5))}月`}
        </div>
      ))}
    </div>
  );
});

function spans(origin: number, halves: number, labelOf: (half: number) => string) {
  const out: Array<{ label: string; from: number; span: number }> = [];
  for (let h = 0; h < halves; h++) {
    const label = labelOf(origin + h);
    const last = out.at(-1);
    if (last && last.label === label) last.span++;
    else out.push({ label, from: h, span: 1 });
  }
  return out;
}
