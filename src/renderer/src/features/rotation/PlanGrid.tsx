import { Badge, Box, Button, Group, Paper, Text } from '@mantine/core';
import { memo, useMemo, useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockView, TraineePlanView } from '../../../../shared/contract/rotation';
import type { TraineeSummary } from '../../../../shared/contract/trainees';
import { formatDate, formatMonth } from '../../lib/format';
import { useWindowedRows } from '../../lib/useWindowedRows';
import { ExampleBadge } from './ExampleBadge';
import { halfOf, monthOfHalf, startOfHalf } from './half-months';
import { findBlock, useGridKeys, type FoundBlock, type Selection } from './useGridKeys';

const ROW_H = 28;
const NAME_W = 170;
const VIEWPORT_H = 420;
const HEADER_H = 36;

/**
 * A shift-and-push of one block by `by` half months (negative = earlier): the blocks it passes close up
 * behind it, so the plan keeps its months and its end (the core checks every rule).
 */
export type MoveRequest = { trainee: TraineeSummary; block: BlockView; by: number };

/**
 * Trainees × half months, one coloured bar per rotation block. Only the rows in view are rendered. All by
 * keyboard (see `useGridKeys`) or by mouse: a block is selected, moved half a month at a time, saved with
 * Enter (or on release); the server checks every edit and refuses what breaks a rule.
 */
export function PlanGrid({
  trainees,
  plans,
  origin,
  halves,
  colorOf,
  onMove,
  onUndo,
  canUndo,
  onPrintTrainee,
}: {
  trainees: readonly TraineeSummary[];
  plans: Map<string, TraineePlanView | null>;
  /** The first half month shown (the cohort's start). */
  origin: number;
  halves: number;
  colorOf: (departmentId: string) => string;
  onMove: (m: MoveRequest) => Promise<void>;
  onUndo: () => void;
  canUndo: boolean;
  onPrintTrainee: (trainee: TraineeSummary) => void;
}) {
  const { t } = useTranslation();
  const cellW = Math.max(10, Math.floor(960 / halves));
  const rows = useWindowedRows(trainees.length, ROW_H, VIEWPORT_H);
  const drag = useRef<{ x: number; selection: Selection } | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const keys = useGridKeys({ trainees, plans, grid, rowHeight: ROW_H, viewport: VIEWPORT_H - HEADER_H, onMove, onUndo });
  const { sel, setSel } = keys;
  const selected = sel ? findBlock(trainees, plans, sel) : null;

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
      <GridStatus
        selected={selected}
        offset={sel?.offset ?? 0}
        canUndo={canUndo}
        onUndo={onUndo}
        onPrint={() => selected && onPrintTrainee(selected.trainee)}
      />
      <div
        ref={grid}
        tabIndex={0}
        role="grid"
        aria-label={t('rotation.plan.grid')}
        aria-rowcount={trainees.length}
        aria-describedby="plan-grid-keys"
        data-testid="plan-grid"
        onKeyDown={keys.onKeyDown}
        onScroll={rows.onScroll}
        style={{
          height: Math.min(VIEWPORT_H, HEADER_H + trainees.length * ROW_H + 16),
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
function GridStatus({
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
}

type Pointer = {
  down: (e: PointerEvent<HTMLDivElement>, traineeId: string, blockId: string) => void;
  move: (e: PointerEvent<HTMLDivElement>) => void;
  up: (e: PointerEvent<HTMLDivElement>) => void;
};

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
}: {
  trainee: TraineeSummary;
  plan: TraineePlanView | null;
  index: number;
  width: number;
  origin: number;
  cellW: number;
  sel: Selection | null;
  colorOf: (departmentId: string) => string;
  pointer: Pointer;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      data-testid={`plan-row-${tr.id}`}
      style={{ position: 'absolute', top: index * ROW_H, height: ROW_H, width, display: 'flex' }}
    >
      <Box role="rowheader" w={NAME_W} px={6} style={ROW_HEADER_STYLE}>
        <Text size="xs" truncate>
          {tr.name}
        </Text>
        <Badge size="xs" variant="light" color={plan?.status && plan.status !== 'draft' ? 'teal' : 'gray'}>
          {plan?.status ? t(`rotation.plan.statuses.${plan.status}`) : t('rotation.plan.noPlan')}
        </Badge>
        {plan?.example && <ExampleBadge />}
      </Box>
      <div style={{ position: 'relative', flex: 1, borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        {plan?.blocks.map((b) => (
          <BlockBar
            key={b.id}
            name={tr.name}
            block={b}
            left={(halfOf(b.start) - origin + (sel?.blockId === b.id ? sel.offset : 0)) * cellW}
            width={(halfOf(b.end) - halfOf(b.start) + 1) * cellW - 1}
            selected={sel?.blockId === b.id}
            moved={sel?.blockId === b.id && sel.offset !== 0}
            color={colorOf(b.departmentId)}
            onPointerDown={(e) => pointer.down(e, tr.id, b.id)}
            onPointerMove={pointer.move}
            onPointerUp={pointer.up}
          />
        ))}
      </div>
    </div>
  );
});

const ROW_HEADER_STYLE = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  borderBottom: '1px solid var(--mantine-color-default-border)',
  display: 'flex',
  alignItems: 'center',
  gap: 4,
  overflow: 'hidden',
} as const;

function BlockBar({
  name,
  block: b,
  left,
  width,
  selected,
  moved,
  color,
  onPointerDown,
  onPointerMove,
  onPointerUp,
}: {
  name: string;
  block: BlockView;
  left: number;
  width: number;
  selected: boolean;
  moved: boolean;
  color: string;
  onPointerDown: (e: PointerEvent<HTMLDivElement>) => void;
  onPointerMove: (e: PointerEvent<HTMLDivElement>) => void;
  onPointerUp: (e: PointerEvent<HTMLDivElement>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="gridcell"
      aria-selected={selected}
      aria-label={t('rotation.plan.blockLabel', {
        name,
        department: b.department,
        start: formatDate(b.start),
        end: formatDate(b.end),
      })}
      title={`${b.department}：${formatDate(b.start)} – ${formatDate(b.end)}`}
      data-testid={`block-${b.id}`}
      data-start={b.start}
      data-end={b.end}
      data-department={b.departmentId}
      data-std={b.standardDepartment}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      style={{
        position: 'absolute',
        top: 3,
        height: ROW_H - 7,
        left,
        width,
        background: color,
        borderRadius: 3,
        outline: selected ? `2px ${moved ? 'dashed' : 'solid'} var(--mantine-color-text)` : undefined,
        cursor: 'grab',
        overflow: 'hidden',
        fontSize: 10,
        lineHeight: `${ROW_H - 7}px`,
        paddingLeft: 2,
        color: 'var(--mantine-color-black)',
        whiteSpace: 'nowrap',
        touchAction: 'none',
        userSelect: 'none',
      }}
    >
      {width > 28 ? b.department : ''}
    </div>
  );
}

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
