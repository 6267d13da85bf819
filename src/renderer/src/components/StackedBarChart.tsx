import { Group, Text } from '@mantine/core';

export type ChartSeries = { key: string; label: string; color: string };
export type ChartBar = {
  key: string;
  /** Short label under the bar (7月1日). */
  label: string;
  values: Record<string, number>;
  /** What a screen reader and the hover tip say about this bar. */
  description: string;
};

const PLOT_HEIGHT = 160;
const AXIS = 28;
const LEFT = 36;
const BAR_GAP = 0.3;
const MAX_BAR = 48;

/** 0, a round step and its multiples up to at least `max`: four gridlines whatever the scale. */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 4;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * pow >= raw) ?? 10) * pow;
  const out: number[] = [];
  for (let v = 0; v < max + step; v += step) out.push(v);
  return out;
}

/**
 * A small stacked bar chart drawn as SVG (no chart library). It is one image to assistive technology, labelled
 * with `summary`; each bar carries its own description as a tooltip. The screen shows the same figures in a
 * table next to it, which is the accessible way to read them one by one.
 */
export function StackedBarChart({
  series,
  bars,
  summary,
  testId,
}: {
  series: ChartSeries[];
  bars: ChartBar[];
  summary: string;
  testId?: string;
}) {
  const totals = bars.map((b) => series.reduce((s, x) => s + (b.values[x.key] ?? 0), 0));
  const grid = ticks(Math.max(0, ...totals));
  const top = grid[grid.length - 1] || 1;
  const slot = Math.max(24, Math.min(MAX_BAR / (1 - BAR_GAP), 600 / Math.max(1, bars.length)));
  const width = LEFT + slot * bars.length + 8;
  const y = (v: number) => 8 + PLOT_HEIGHT - (v / top) * PLOT_HEIGHT;
  return (
    <div data-testid={testId}>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${PLOT_HEIGHT + AXIS + 8}`}
        width="100%"
        style={{ maxWidth: width, display: 'block' }}
      >
        <title>{summary}</title>
        {grid.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={LEFT} x2={width} y1={y(v)} y2={y(v)} stroke="#dee2e6" strokeWidth={1} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#868e96">
              {v}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const x = LEFT + i * slot + (slot * BAR_GAP) / 2;
          const w = slot * (1 - BAR_GAP);
          let acc = 0;
          return (
            <g key={b.key} data-testid="chart-bar">
              <title>{b.description}</title>
              {series.map((s) => {
                const v = b.values[s.key] ?? 0;
                if (v <= 0) return null;
                const rect = <rect key={s.key} x={x} width={w} y={y(acc + v)} height={y(acc) - y(acc + v)} fill={s.color} />;
                acc += v;
                return rect;
              })}
              <text x={x + w / 2} y={PLOT_HEIGHT + 8 + 18} textAnchor="middle" fontSize={11} fill="#495057" aria-hidden="true">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} aria-hidden="true">
        {series.map((s) => (
          <Group key={s.key} gap={4}>
            <span style={{ width: 10, height: 10, background: s.color, display: 'inline-block', borderRadius: 2 }} />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
