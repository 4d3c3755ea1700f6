// Each theme's score in the previous labelled year and this year, as paired horizontal bars.
// Decorative (aria-hidden): the same figures are in the table beside it, which screen readers
// and printouts read. The two years differ by fill AND by pattern (solid / hatched), and the
// legend names them, so colour is never the only signal.
export type ProgressionChartRow = { key: string; title: string; previous: number | null; current: number | null };

export function ProgressionChart({ rows, previousYear, currentYear }: { rows: ProgressionChartRow[]; previousYear: number; currentYear: number }) {
  const barHeight = 14;
  const rowHeight = 2 * barHeight + 14;
  const labelWidth = 260;
  const chartWidth = 300;
  const legendHeight = 28;
  const height = legendHeight + rows.length * rowHeight;
  const width = (score: number | null) => (score === null ? 0 : (chartWidth * score) / 100);
  return (
    <svg aria-hidden="true" focusable="false" role="presentation" viewBox={`0 0 ${labelWidth + chartWidth + 60} ${height}`} className="h-auto w-full max-w-3xl">
      <defs>
        <pattern id="progression-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="fill-brand-100" />
          <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" className="stroke-brand-600" />
        </pattern>
      </defs>
      <rect x={labelWidth} y={4} width={14} height={14} fill="url(#progression-hatch)" />
      <text x={labelWidth + 20} y={16} fontSize={13} fill="currentColor">
        {previousYear}
      </text>
      <rect x={labelWidth + 80} y={4} width={14} height={14} className="fill-brand-700" />
      <text x={labelWidth + 100} y={16} fontSize={13} fill="currentColor">
        {currentYear}
      </text>
      {rows.map((row, index) => {
        const y = legendHeight + index * rowHeight;
        return (
          <g key={row.key}>
            <text x={0} y={y + barHeight + 4} fontSize={14} fill="currentColor">
              {row.title.length > 34 ? `${row.title.slice(0, 33)}…` : row.title}
            </text>
            <rect x={labelWidth} y={y} width={chartWidth} height={barHeight} className="fill-brand-50" />
            <rect x={labelWidth} y={y} width={width(row.previous)} height={barHeight} fill="url(#progression-hatch)" />
            <text x={labelWidth + chartWidth + 8} y={y + barHeight - 2} fontSize={12} fill="currentColor">
              {row.previous ?? "—"}
            </text>
            <rect x={labelWidth} y={y + barHeight + 2} width={chartWidth} height={barHeight} className="fill-brand-50" />
            <rect x={labelWidth} y={y + barHeight + 2} width={width(row.current)} height={barHeight} className="fill-brand-700" />
            <text x={labelWidth + chartWidth + 8} y={y + 2 * barHeight} fontSize={12} fill="currentColor">
              {row.current ?? "—"}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
