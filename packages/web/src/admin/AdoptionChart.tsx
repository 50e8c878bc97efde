// "N of M members use two-factor authentication" as a ring: one image, named by the same sentence.
export function AdoptionChart({ using, total, label }: { using: number; total: number; label: string }) {
  const radius = 34;
  const circumference = 2 * Math.PI * radius;
  const share = total ? using / total : 0;
  return (
    <svg className="chart" viewBox="0 0 88 88" width="88" height="88" role="img" aria-label={label}>
      <circle cx="44" cy="44" r={radius} className="chart-track" fill="none" strokeWidth="12" />
      <circle
        cx="44"
        cy="44"
        r={radius}
        className="chart-value"
        fill="none"
        strokeWidth="12"
        strokeDasharray={`${share * circumference} ${circumference}`}
        transform="rotate(-90 44 44)"
      />
      <text x="44" y="49" textAnchor="middle" className="chart-text">
        {Math.round(share * 100)}%
      </text>
    </svg>
  );
}
