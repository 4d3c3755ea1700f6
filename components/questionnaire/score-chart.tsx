// Scores per theme as horizontal bars. The chart is decorative (aria-hidden): the same figures
// are in the table beside it, which screen readers and printouts read.
export function ScoreChart({ rows }: { rows: { key: string; title: string; score: number | null }[] }) {
  const barHeight = 26;
  const gap = 10;
  const labelWidth = 260;
  const chartWidth = 300;
  const height = rows.length * (barHeight + gap);
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${labelWidth + chartWidth + 50} ${height}`}
      className="h-auto w-full max-w-3xl"
      role="presentation"
    >
      {rows.map((row, index) => {
        const y = index * (barHeight + gap);
        const width = row.score === null ? 0 : (chartWidth * row.score) / 100;
        return (
          <g key={row.key}>
            <text x={0} y={y + barHeight * 0.7} fontSize={14} fill="currentColor">
              {row.title.length > 34 ? `${row.title.slice(0, 33)}…` : row.title}
            </text>
            <rect x={labelWidth} y={y} width={chartWidth} height={barHeight} rx={4} className="fill-brand-50" />
            <rect x={labelWidth} y={y} width={width} height={barHeight} rx={4} className="fill-brand-700" />
            <text x={labelWidth + chartWidth + 8} y={y + barHeight * 0.7} fontSize={14} fill="currentColor">
              {row.score === null ? "—" : row.score}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
