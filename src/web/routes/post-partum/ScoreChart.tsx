import { useLingui } from "@lingui/react/macro";

/** A bar chart of the totals; decorative for screen readers, which get the table. */
export function ScoreChart({ points }: { points: { date: string; total: number }[] }) {
  const { t } = useLingui();
  const width = 320;
  const height = 120;
  const bar = Math.min(40, width / Math.max(points.length, 1) - 6);
  const thresholdY = height - (11 / 30) * height;
  return (
    <svg viewBox={`0 0 ${width} ${height + 20}`} width="100%" height="160" aria-hidden="true" className="fr-mb-2w">
      <line x1="0" x2={width} y1={thresholdY} y2={thresholdY} stroke="currentColor" strokeDasharray="4 4" />
      <text x={width - 4} y={thresholdY - 4} textAnchor="end" fontSize="10" fill="currentColor">
        {t`seuil 11`}
      </text>
      {points.map((p, i) => {
        const h = (p.total / 30) * height;
        const x = i * (bar + 6) + 4;
        return (
          <g key={`${p.date}-${i}`}>
            <rect x={x} y={height - h} width={bar} height={Math.max(h, 1)} fill={p.total >= 11 ? "#ce0500" : "#000091"} />
            <text x={x + bar / 2} y={height + 14} textAnchor="middle" fontSize="9" fill="currentColor">
              {p.date.slice(5).split("-").reverse().join("/")}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
