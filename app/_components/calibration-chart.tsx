// Predicted against observed recall, one point per bin of predicted recall (issue 11): on the
// dashed diagonal, "80% predicted" meant 80% remembered. Each point is labelled with its number of
// reviews, so a bin of a handful is read as the noise it is. Style as charts.tsx.

import { AXIS_FONT, AXIS_TEXT, placePointLabels } from "@/app/_components/charts";

const W = 600;
const H = 300;
const PAD = 34;
// Room above the top line for a point's count label.
const TOP = 36;

const percent = (v: number) => `${Math.round(v * 100)}%`;

export function CalibrationChart({
  bins,
  label,
}: {
  bins: { from: number; to: number; count: number; meanPredicted: number; observed: number }[];
  label: string;
}) {
  // Most reviews are predicted above 50%: start there unless a bin is lower.
  const low = Math.min(0.5, ...bins.map((b) => Math.floor(Math.min(b.from, b.observed) * 10) / 10));
  const x = (v: number) => PAD + ((v - low) / (1 - low)) * (W - 2 * PAD);
  const y = (v: number) => TOP + (1 - (v - low) / (1 - low)) * H;
  const text = AXIS_TEXT;
  const ticks = [low, (low + 1) / 2, 1];
  // A count sits above its point, or below where bins close in prediction and recall would collide.
  const countY = placePointLabels(
    bins.map((b) => ({ x: x(b.meanPredicted), y: y(b.observed), text: String(b.count) })),
    () => [-14, 14 + AXIS_FONT, -14 - AXIS_FONT],
    { area: { from: 0, to: W, top: 0, bottom: TOP + H + 40 - AXIS_FONT } },
  );
  return (
    <figure className="@container">
      <svg
        role="img"
        aria-label={`${label}: ${
          bins
            .map(
              (b) => `predicted ${percent(b.meanPredicted)}, remembered ${percent(b.observed)} over ${b.count} reviews`,
            )
            .join("; ") || "no reviews yet"
        }`}
        viewBox={`0 0 ${W} ${TOP + H + 78}`}
        className="w-full"
        data-testid="calibration-chart"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD} x2={W - PAD} y1={y(v)} y2={y(v)} className="stroke-line" />
            <text x={0} y={y(v) - 6} className={text}>
              {percent(v)}
            </text>
            <text
              x={x(v)}
              y={TOP + H + 40}
              textAnchor={v === low ? "start" : v === 1 ? "end" : "middle"}
              className={text}
            >
              {percent(v)}
            </text>
          </g>
        ))}
        <line
          x1={x(low)}
          y1={y(low)}
          x2={x(1)}
          y2={y(1)}
          strokeDasharray="6 5"
          strokeWidth={2}
          className="stroke-good"
        />
        {bins.map((b, i) => (
          <g key={b.from}>
            <circle cx={x(b.meanPredicted)} cy={y(b.observed)} r={7} className="fill-accent">
              <title>{`Predicted ${percent(b.meanPredicted)}, remembered ${percent(b.observed)} (${b.count} reviews)`}</title>
            </circle>
            <text x={x(b.meanPredicted)} y={countY[i]} textAnchor="middle" className={text}>
              {b.count}
            </text>
          </g>
        ))}
        <text x={W / 2} y={TOP + H + 66} textAnchor="middle" className={text}>
          predicted recall →
        </text>
      </svg>
      <figcaption className="text-sm text-muted">
        Across: recall the model predicted; up: share remembered. On the dashed line, predictions were exact. Each
        point&apos;s number is its count of reviews.
      </figcaption>
    </figure>
  );
}
