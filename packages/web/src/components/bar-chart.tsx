import { useId } from 'react';

export interface BarSeries {
  key: string;
  label: string;
  colour: string;
}

export interface BarRow {
  key: string;
  label: string;
  /** Value per series key; missing keys count as zero. */
  values: Record<string, number>;
}

interface StackedBarChartProps {
  /** Short name of the chart, its accessible name. */
  title: string;
  /** One or two sentences saying what the chart shows, for screen readers (the table has the figures). */
  summary: string;
  series: readonly BarSeries[];
  rows: readonly BarRow[];
  formatNumber: (value: number) => string;
  /** The tooltip of one segment: "France, March 2026: 3". */
  describe: (row: BarRow, series: BarSeries, value: number) => string;
  legendLabel: string;
}

const WIDTH = 360;
const LABEL_WIDTH = 84;
const VALUE_WIDTH = 36;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;

/** The smallest "round" number (1, 2, 5 × 10ⁿ) at or above the value, for the scale's end. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((candidate) => candidate * power >= value) ?? 10;
  return step * power;
}

/**
 * Horizontal stacked bars, one row per category (month), drawn in SVG without a library. Horizontal
 * rows stay legible on a phone, where twelve vertical bars would squeeze their labels. The SVG is one
 * image with a summary; the figures themselves belong in a table next to it.
 */
export function StackedBarChart({
  title,
  summary,
  series,
  rows,
  formatNumber,
  describe,
  legendLabel,
}: StackedBarChartProps) {
  const id = useId();
  const totals = rows.map((row) => series.reduce((sum, item) => sum + (row.values[item.key] ?? 0), 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = rows.length * ROW_HEIGHT + 24;
  const scale = (value: number) => (value / max) * plotWidth;
  // Views are counted in whole numbers: no tick at 0.5.
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max];

  return (
    <div className="chart">
      <ul className="chart-legend" aria-label={legendLabel}>
        {series.map((item) => (
          <li key={item.key}>
            <span className="chart-swatch" style={{ background: item.colour }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={LABEL_WIDTH + scale(tick)}
              x2={LABEL_WIDTH + scale(tick)}
              y1={0}
              y2={rows.length * ROW_HEIGHT}
              className="chart-grid"
            />
            <text
              x={LABEL_WIDTH + scale(tick)}
              y={rows.length * ROW_HEIGHT + 16}
              textAnchor={tick === 0 ? 'start' : tick === max ? 'end' : 'middle'}
              className="chart-tick"
            >
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const y = index * ROW_HEIGHT;
          let x = LABEL_WIDTH;
          return (
            <g key={row.key}>
              <text x={LABEL_WIDTH - 6} y={y + ROW_HEIGHT / 2 + 4} textAnchor="end" className="chart-label">
                {row.label}
              </text>
              {series.map((item) => {
                const value = row.values[item.key] ?? 0;
                if (value === 0) return null;
                const width = scale(value);
                const rect = (
                  <rect
                    key={item.key}
                    x={x}
                    y={y + (ROW_HEIGHT - BAR_HEIGHT) / 2}
                    width={Math.max(width, 1)}
                    height={BAR_HEIGHT}
                    fill={item.colour}
                    className="chart-bar"
                  >
                    <title>{describe(row, item, value)}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + ROW_HEIGHT / 2 + 4} className="chart-value">
                {totals[index] ? formatNumber(totals[index] ?? 0) : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
