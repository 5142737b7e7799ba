// Small, dependency-free SVG charts, drawn on the server. Each has a text alternative for screen readers.

const CELL = 12;
const GAP = 2;

/** A year of daily counts as a calendar heatmap (columns are weeks, rows weekdays). */
export function CalendarHeatmap({
  today,
  counts,
  label,
}: {
  today: string;
  counts: { day: string; count: number }[];
  label: string;
}) {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const max = Math.max(1, ...counts.map((c) => c.count));
  const end = new Date(`${today}T00:00:00Z`);
  const start = new Date(end);
  start.setUTCDate(start.getUTCDate() - 364 - end.getUTCDay()); // start on a Sunday, 53 columns
  const cells: { x: number; y: number; day: string; count: number }[] = [];
  for (let d = new Date(start), i = 0; d <= end; d.setUTCDate(d.getUTCDate() + 1), i++) {
    const day = d.toISOString().slice(0, 10);
    cells.push({ x: Math.floor(i / 7), y: d.getUTCDay(), day, count: byDay.get(day) ?? 0 });
  }
  const weeks = Math.max(...cells.map((c) => c.x)) + 1;
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  const total = counts.reduce((n, c) => n + c.count, 0);
  return (
    // rtl: a phone opens the scroll box at its newest (right-hand) end; the chart itself stays ltr.
    // Focusable, so the keyboard can scroll it too.
    <figure
      className="relative overflow-x-auto"
      dir="rtl"
      role="region"
      tabIndex={0}
      aria-label={`${label}, scrolls sideways`}
    >
      <svg
        role="img"
        aria-label={`${label}: ${total} reviews on ${counts.length} days in the last year`}
        viewBox={`0 0 ${weeks * (CELL + GAP)} ${7 * (CELL + GAP)}`}
        className="min-w-[640px] [direction:ltr]"
      >
        {cells.map((c) => (
          <rect
            key={c.day}
            x={c.x * (CELL + GAP)}
            y={c.y * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={2}
            className={
              ["fill-line", "fill-accent/30", "fill-accent/55", "fill-accent/80", "fill-accent"][level(c.count)]
            }
          >
            <title>{`${c.day}: ${c.count} review${c.count === 1 ? "" : "s"}`}</title>
          </rect>
        ))}
      </svg>
    </figure>
  );
}

// Labels are in viewBox units, which shrink with the chart: 22 read as about 11 px on a 360 px phone,
// and sm: sets 12 where the chart is drawn near its own width.

/** Vertical bars with day labels underneath (every 5th). */
export function BarChart({
  data,
  label,
  unit,
}: {
  data: { key: string; label: string; value: number }[];
  label: string;
  unit: string;
}) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const W = 600;
  const H = 160;
  const bar = W / data.length;
  return (
    <figure>
      <svg
        role="img"
        aria-label={`${label}: ${data.map((d) => `${d.label} ${d.value}`).join(", ")}`}
        viewBox={`0 0 ${W} ${H + 32}`}
        className="w-full"
      >
        {data.map((d, i) => {
          const h = (d.value / max) * H;
          return (
            <g key={d.key}>
              <rect
                x={i * bar + 2}
                y={H - h}
                width={bar - 4}
                height={Math.max(h, d.value ? 1 : 0)}
                rx={2}
                className="fill-accent"
              >
                <title>{`${d.label}: ${d.value} ${unit}`}</title>
              </rect>
              {i % 5 === 0 && (
                <text
                  x={i === 0 ? 0 : i * bar + bar / 2}
                  y={H + 26}
                  textAnchor={i === 0 ? "start" : "middle"}
                  className="fill-muted text-[22px] sm:text-[12px]"
                >
                  {d.label}
                </text>
              )}
            </g>
          );
        })}
        <line x1={0} x2={W} y1={H} y2={H} className="stroke-line" />
        {/* The scale: the tallest bar's value, at its height. */}
        <line x1={0} x2={W} y1={0} y2={0} strokeDasharray="2 4" className="stroke-line" />
        <text x={W - 2} y={22} textAnchor="end" className="fill-muted text-[22px] sm:text-[12px]">
          {`${max} ${unit}`}
        </text>
      </svg>
    </figure>
  );
}

/** A 0–100% line over time, with the target drawn as a dashed line. */
export function PercentLine({
  points,
  label,
  target,
}: {
  points: { key: string; label: string; value: number | null }[];
  label: string;
  target?: number;
}) {
  const W = 600;
  const H = 160;
  const valid = points.filter((p): p is { key: string; label: string; value: number } => p.value !== null);
  // Inset from both edges so the first and last labels are not cut off.
  const x = (i: number) => (points.length <= 1 ? W / 2 : (i / (points.length - 1)) * (W - 60) + 30);
  const y = (v: number) => H - v * H;
  const path = points
    .map((p, i) => (p.value === null ? null : `${x(i)},${y(p.value)}`))
    .filter(Boolean)
    .join(" ");
  return (
    <figure>
      <svg
        role="img"
        aria-label={`${label}: ${valid.map((p) => `${p.label} ${Math.round(p.value * 100)}%`).join(", ") || "no data yet"}`}
        viewBox={`0 0 ${W} ${H + 32}`}
        className="w-full"
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={0} x2={W} y1={y(v)} y2={y(v)} className="stroke-line" />
            <text x={2} y={v === 1 ? y(v) + 22 : y(v) - 4} className="fill-muted text-[22px] sm:text-[12px]">
              {`${v * 100}%`}
            </text>
          </g>
        ))}
        {target !== undefined && (
          <line x1={0} x2={W} y1={y(target)} y2={y(target)} strokeDasharray="4 4" className="stroke-good" />
        )}
        {valid.length > 1 && <polyline points={path} fill="none" strokeWidth={2.5} className="stroke-accent" />}
        {points.map((p, i) =>
          p.value === null ? null : (
            <circle key={p.key} cx={x(i)} cy={y(p.value)} r={4} className="fill-accent">
              <title>{`${p.label}: ${Math.round(p.value * 100)}%`}</title>
            </circle>
          ),
        )}
        {points.map((p, i) => (
          <text
            key={`l-${p.key}`}
            x={x(i)}
            y={H + 26}
            textAnchor="middle"
            className="fill-muted text-[22px] sm:text-[12px]"
          >
            {i % 2 === 0 ? p.label : ""}
          </text>
        ))}
      </svg>
    </figure>
  );
}

/** One horizontal bar split into labelled parts. */
export function StackedBar({
  parts,
  label,
}: {
  parts: { label: string; value: number; className: string }[];
  label: string;
}) {
  const total = parts.reduce((n, p) => n + p.value, 0);
  return (
    <figure className="space-y-2">
      <div
        className="flex h-4 overflow-hidden rounded-full bg-line"
        role="img"
        aria-label={`${label}: ${parts.map((p) => `${p.value} ${p.label}`).join(", ")}`}
      >
        {parts.map((p) =>
          p.value ? (
            <div
              key={p.label}
              className={p.className}
              style={{ width: `${(p.value / Math.max(total, 1)) * 100}%` }}
              title={`${p.label}: ${p.value}`}
            />
          ) : null,
        )}
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {parts.map((p) => (
          <span key={p.label} className="flex items-center gap-1.5">
            <span className={`inline-block h-2.5 w-2.5 rounded-full ${p.className}`} aria-hidden />
            {p.label} <span className="font-semibold tabular-nums">{p.value}</span>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
