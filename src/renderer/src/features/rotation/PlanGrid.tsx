import { Badge, Box, Group, Paper, Text } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BlockView, TraineePlanView } from '../../../../shared/contract/rotation';
import type { TraineeSummary } from '../../../../shared/contract/trainees';
import { formatDate, formatMonth } from '../../lib/format';
import { useWindowedRows } from '../../lib/useWindowedRows';
import { ExampleBadge } from './ExampleBadge';
import { halfOf, monthOfHalf, startOfHalf } from './half-months';

const ROW_H = 28;
const NAME_W = 170;
const VIEWPORT_H = 420;
const HEADER_H = 36;

/** A shift of one block; or, when it lands exactly past its neighbour, the two trade places (a plan has no gaps). */
export type MoveRequest = { trainee: TraineeSummary; block: BlockView; start: string; swapWith: BlockView | null };
type Selection = { traineeId: string; blockId: string; offset: number };

/**
 * Trainees × half months, one coloured bar per rotation block. Only the rows in view are rendered. A block
 * is selected by click (or Tab to the grid and click), moved by ←/→ half a month at a time or dragged, and
 * saved with Enter (or on release): the server checks every edit and refuses what breaks a rule.
 */
export function PlanGrid({
  trainees,
  plans,
  origin,
  halves,
  colorOf,
  onMove,
}: {
  trainees: readonly TraineeSummary[];
  plans: Map<string, TraineePlanView | null>;
  /** The first half month shown (the cohort's start). */
  origin: number;
  halves: number;
  colorOf: (departmentId: string) => string;
  onMove: (m: MoveRequest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const cellW = Math.max(10, Math.floor(960 / halves));
  const rows = useWindowedRows(trainees.length, ROW_H, VIEWPORT_H);
  const [sel, setSel] = useState<Selection | null>(null);
  const drag = useRef<{ x: number; selection: Selection } | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const selected = sel ? findBlock(trainees, plans, sel) : null;

  async function save(s: Selection) {
    const found = findBlock(trainees, plans, s);
    if (!found || s.offset === 0) return setSel({ ...s, offset: 0 });
    // Saved or refused, the bar goes back to where the server says it is.
    const start = startOfHalf(halfOf(found.block.start) + s.offset);
    await onMove({
      trainee: found.trainee,
      block: found.block,
      start,
      swapWith: neighbourPassed(found.blocks, found.block, s.offset),
    });
    setSel({ ...s, offset: 0 });
  }

  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (!sel) return;
    if (e.key === 'ArrowLeft') setSel({ ...sel, offset: sel.offset - 1 });
    else if (e.key === 'ArrowRight') setSel({ ...sel, offset: sel.offset + 1 });
    else if (e.key === 'Enter') void save(sel);
    else if (e.key === 'Escape') setSel({ ...sel, offset: 0 });
    else return;
    e.preventDefault();
  }

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
    drag.current = null;
    if (offset !== 0) void save({ ...sel!, offset });
  }

  const width = NAME_W + halves * cellW;
  return (
    <Paper withBorder>
      {selected && sel && sel.offset !== 0 && (
        <Text size="sm" px="sm" py={4} data-testid="move-status" bg="var(--mantine-color-blue-light)">
          {t('rotation.plan.moving', {
            name: selected.trainee.name,
            department: selected.block.department,
            start: formatDate(startOfHalf(halfOf(selected.block.start) + (sel?.offset ?? 0))),
          })}
        </Text>
      )}
      <div
        ref={grid}
        tabIndex={0}
        role="grid"
        aria-label={t('rotation.plan.grid')}
        aria-rowcount={trainees.length}
        data-testid="plan-grid"
        onKeyDown={onKey}
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
              sel={sel}
              colorOf={colorOf}
              pointer={{ down: onPointerDown, move: onPointerMove, up: onPointerUp }}
            />
          ))}
        </div>
      </div>
      <Group gap="xs" px="sm" py={6}>
        <Text size="xs" c="dimmed">
          {t('rotation.plan.gridHint')}
        </Text>
      </Group>
    </Paper>
  );
}

type Pointer = {
  down: (e: PointerEvent<HTMLDivElement>, traineeId: string, blockId: string) => void;
  move: (e: PointerEvent<HTMLDivElement>) => void;
  up: (e: PointerEvent<HTMLDivElement>) => void;
};

/** One trainee's row: name and plan status, then a bar per block at its half months. */
function PlanRow({
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
}

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
function HeaderRow({ origin, halves, cellW, width }: { origin: number; halves: number; cellW: number; width: number }) {
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
}

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

function findBlock(trainees: readonly TraineeSummary[], plans: Map<string, TraineePlanView | null>, s: Selection) {
  const trainee = trainees.find((t) => t.id === s.traineeId);
  const blocks = [...(plans.get(s.traineeId)?.blocks ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const block = blocks.find((b) => b.id === s.blockId);
  return trainee && block ? { trainee, block, blocks } : null;
}

const halvesOf = (b: BlockView) => halfOf(b.end) - halfOf(b.start) + 1;

/** The adjacent block this offset carries the block exactly past, if any. */
function neighbourPassed(blocks: BlockView[], block: BlockView, offset: number): BlockView | null {
  const i = blocks.indexOf(block);
  const next = blocks[i + 1];
  const prev = blocks[i - 1];
  if (offset > 0 && next && halfOf(next.start) === halfOf(block.end) + 1 && offset === halvesOf(next)) return next;
  if (offset < 0 && prev && halfOf(prev.end) + 1 === halfOf(block.start) && -offset === halvesOf(prev)) return prev;
  return null;
}
