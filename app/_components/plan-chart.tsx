// The plan to a date as a chart (issue 11): minutes of study per day (across) against predicted
// recall on the due date (up), one point per desired retention, the target as a dashed line and
// the recommended point ringed. Drawn on the server, in the style of charts.tsx; the table beside it
// on the page carries the same figures for screen readers and for reading exact values.

import { AXIS_FONT, AXIS_SIZE, AXIS_TEXT, labelBox, placePointLabels } from "@/app/_components/charts";

const W = 600;
const H = 260;
const LEFT = 24;
const RIGHT = 36;
const TOP = 30;
const BOTTOM = 62;

const percent = (v: number) => `${Math.round(v * 100)}%`;
const minutes = (v: number) => (v < 10 ? v.toFixed(1) : Math.round(v).toString());

export function RetentionPlanChart({
  points,
  target,
  recommended,
  applied,
}: {
  points: { retention: number; minutesPerDay: number; recallAtDue: number }[];
  target: number;
  recommended: number | null;
  applied: number | null;
}) {
  // The axis spans the minutes simulated (not from 0): the points spread across the chart's width.
  const fewest = Math.min(...points.map((p) => p.minutesPerDay));
  const most = Math.max(0.1, ...points.map((p) => p.minutesPerDay));
  const margin = Math.max((most - fewest) * 0.1, 0.05);
  const minMinutes = Math.max(0, fewest - margin);
  const maxMinutes = most + margin;
  const low = Math.max(0, Math.floor(Math.min(target, ...points.map((p) => p.recallAtDue)) * 10 - 0.5) / 10);
  const x = (m: number) => LEFT + ((m - minMinutes) / (maxMinutes - minMinutes)) * (W - LEFT - RIGHT);
  const y = (r: number) => TOP + (1 - (r - low) / (1 - low)) * H;
  const line = points.map((p) => `${x(p.minutesPerDay)},${y(p.recallAtDue)}`).join(" ");
  const text = AXIS_TEXT;
  const ticks = [low, (low + 1) / 2, 1];
  // Labels alternate below and above the line, and move further out where they would still collide
  // with a neighbour's or with the axis and target labels.
  const labelY = placePointLabels(
    points.map((p) => ({ x: x(p.minutesPerDay), y: y(p.recallAtDue), text: percent(p.retention) })),
    (i) => (i % 2 === 1 ? [-16, 32, -16 - AXIS_FONT, 32 + AXIS_FONT] : [32, -16, 32 + AXIS_FONT, -16 - AXIS_FONT]),
    {
      area: { from: 0, to: W, top: 0, bottom: TOP + H },
      obstacles: [
        ...ticks.map((v) => labelBox(2, y(v) - 4, percent(v), "start")),
        labelBox(W - 2, y(target) + 24, `target ${percent(target)}`, "end"),
      ],
    },
  );
  return (
    <figure className="@container">
      <svg
        role="img"
        aria-label={`Minutes per day against predicted recall on the due date: ${points
          .map(
            (p) =>
              `${percent(p.retention)} retention, ${minutes(p.minutesPerDay)} min a day, ${percent(p.recallAtDue)} recall`,
          )
          .join(
            "; ",
          )}. Target ${percent(target)}.${recommended === null ? "" : ` Recommended ${percent(recommended)}.`}`}
        viewBox={`0 0 ${W} ${TOP + H + BOTTOM}`}
        className="w-full"
        data-testid="plan-chart"
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={0} x2={W} y1={y(v)} y2={y(v)} className="stroke-line" />
            <text x={2} y={y(v) - 4} className={text}>
              {percent(v)}
            </text>
          </g>
        ))}
        <line
          x1={0}
          x2={W}
          y1={y(target)}
          y2={y(target)}
          strokeDasharray="6 5"
          strokeWidth={2}
          className="stroke-good"
        />
        <text x={W - 2} y={y(target) + 24} textAnchor="end" className={`fill-good ${AXIS_SIZE}`}>
          {`target ${percent(target)}`}
        </text>
        <polyline points={line} fill="none" strokeWidth={2.5} className="stroke-accent" />
        {points.map((p, i) => {
          const isRecommended = recommended !== null && Math.abs(p.retention - recommended) < 1e-9;
          const isApplied = applied !== null && Math.abs(p.retention - applied) < 1e-9;
          return (
            <g key={p.retention} data-retention={p.retention}>
              {isRecommended && (
                <circle
                  cx={x(p.minutesPerDay)}
                  cy={y(p.recallAtDue)}
                  r={11}
                  fill="none"
                  strokeWidth={3}
                  className="stroke-good"
                />
              )}
              <circle
                cx={x(p.minutesPerDay)}
                cy={y(p.recallAtDue)}
                r={isApplied ? 7 : 5}
                className={isApplied ? "fill-ink" : "fill-accent"}
              >
                <title>{`${percent(p.retention)} retention: ${minutes(p.minutesPerDay)} min a day, ${percent(p.recallAtDue)} recall on the due date`}</title>
              </circle>
              <text
                x={x(p.minutesPerDay)}
                y={labelY[i]}
                textAnchor="middle"
                className={isRecommended ? `fill-good font-semibold ${AXIS_SIZE}` : text}
              >
                {percent(p.retention)}
              </text>
            </g>
          );
        })}
        <line x1={0} x2={W} y1={TOP + H} y2={TOP + H} className="stroke-line" />
        <text x={0} y={TOP + H + 26} className={text}>
          {`${minutes(minMinutes)} min/day`}
        </text>
        <text x={W - 2} y={TOP + H + 26} textAnchor="end" className={text}>
          {`${minutes(maxMinutes)} min/day`}
        </text>
        <text x={W / 2} y={TOP + H + 50} textAnchor="middle" className={text}>
          minutes of study per day →
        </text>
      </svg>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
        <span>Up: predicted recall on the due date. Labels: desired retention.</span>
        <span className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-full border-[3px] border-good" aria-hidden /> recommended
        </span>
        {applied !== null && (
          <span className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-full bg-ink" aria-hidden /> applied
          </span>
        )}
      </figcaption>
    </figure>
  );
}
