export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

/** A bar's share of the cell, leaving room for the figure; any non-zero value stays visible. */
export function barWidth(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max((value / max) * BAR_ROOM, 1);
}

const BAR_ROOM = 75;

/**
 * A small bar chart that is also its own table: each row names the category, draws a bar and gives
 * the figure as text, so screen readers get the numbers and long labels (in French) wrap on a phone.
 */
export function BarTable({
  caption,
  labelHeader,
  valueHeader,
  rows,
  formatNumber,
}: {
  caption: string;
  labelHeader: string;
  valueHeader: string;
  rows: readonly BarDatum[];
  formatNumber: (value: number) => string;
}) {
  const max = Math.max(0, ...rows.map((row) => row.value));
  return (
    <table className="bar-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>
              <span className="bar-cell">
                <span className="bar" aria-hidden="true" style={{ width: `${barWidth(row.value, max)}%` }} />
                <span className="bar-value">{formatNumber(row.value)}</span>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
