import { useId } from 'react';
import type { DayCount } from './timeline';

export const TIMELINE_COLOURS = { other: '#1f3a5f', suspicious: '#b5453a' } as const;

interface TimelineChartProps {
  title: string;
  summary: string;
  days: readonly DayCount[];
  formatNumber: (value: number) => string;
  formatDay: (day: string) => string;
  /** The tooltip of one day: "3 March 2026: 4 verifications, 1 suspicious". */
  describe: (day: DayCount) => string;
  legend: { label: string; other: string; suspicious: string };
}

const WIDTH = 360;
const HEIGHT = 150;
const LEFT = 30;
const BOTTOM = 20;
/** Room for the top tick's label. */
const TOP = 10;

/**
 * One thin bar per day, the suspicious part stacked on top in red: the shape of the period at a
 * glance (a burst of clones shows as a red spike). Like the statistics chart, the SVG is one image
 * with a summary; the figures are in the table next to it.
 */
export function TimelineChart({
  title,
  summary,
  days,
  formatNumber,
  formatDay,
  describe,
  legend,
}: TimelineChartProps) {
  const id = useId();
  const max = Math.max(1, ...days.map((day) => day.total));
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - BOTTOM - TOP;
  const baseline = TOP + plotHeight;
  const step = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, step - 1);
  const y = (value: number) => baseline - (value / max) * plotHeight;
  const first = days[0];
  const last = days.at(-1);

  return (
    <div className="chart">
      <ul className="chart-legend" aria-label={legend.label}>
        {(['other', 'suspicious'] as const).map((key) => (
          <li key={key}>
            <span className="chart-swatch" style={{ background: TIMELINE_COLOURS[key] }} aria-hidden="true" />
            {legend[key]}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, max].map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={LEFT - 4} y={y(tick) + 4} textAnchor="end" className="chart-tick">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          if (day.total === 0) return null;
          const x = LEFT + index * step;
          return (
            <g key={day.day}>
              <title>{describe(day)}</title>
              <rect
                x={x}
                y={y(day.total - day.suspicious)}
                width={barWidth}
                height={baseline - y(day.total - day.suspicious)}
                fill={TIMELINE_COLOURS.other}
              />
              {day.suspicious > 0 && (
                <rect
                  x={x}
                  y={y(day.total)}
                  width={barWidth}
                  height={baseline - y(day.suspicious)}
                  fill={TIMELINE_COLOURS.suspicious}
                />
              )}
            </g>
          );
        })}
        {first && (
          <text x={LEFT} y={HEIGHT - 4} className="chart-tick">
            {formatDay(first.day)}
          </text>
        )}
        {last && last !== first && (
          <text x={WIDTH} y={HEIGHT - 4} textAnchor="end" className="chart-tick">
            {formatDay(last.day)}
          </text>
        )}
      </svg>
    </div>
  );
}
