// Small, dependency-free SVG charts, drawn on the server. Each has a text alternative for screen readers.

import { formatDayKey, formatMonthOfDayKey } from "@/lib/format";

const CELL = 12;
const GAP = 2;
// Room above the weeks for the month names (a name's box rises about a font size above its baseline).
const MONTHS = 20;
const LEVELS = ["fill-line", "fill-accent/30", "fill-accent/55", "fill-accent/80", "fill-accent"];
const LEVEL_SWATCHES = ["bg-line", "bg-accent/30", "bg-accent/55", "bg-accent/80", "bg-accent"];

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
  // A month is named over the first week that starts in it, so names sit about 4 weeks apart.
  // One that would run past the right-hand edge (the current month, begun this week) is left out.
  const months = cells.filter(
    (c) => c.y === 0 && Number(c.day.slice(8, 10)) <= 7 && (c.x + 2) * (CELL + GAP) <= weeks * (CELL + GAP),
  );
  return (
    <div className="space-y-2">
      {/* rtl: a phone opens the scroll box at its newest (right-hand) end; the chart itself stays ltr.
        Focusable, so the keyboard can scroll it too. */}
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
          viewBox={`0 0 ${weeks * (CELL + GAP)} ${MONTHS + 7 * (CELL + GAP)}`}
          className="min-w-[640px] [direction:ltr]"
        >
          {/* 13 units: about 11 px at the chart's narrowest (640 px for 742 units). */}
          {months.map((c) => (
            <text key={`m-${c.day}`} x={c.x * (CELL + GAP)} y={MONTHS - 5} className="fill-muted text-[13px]">
              {formatMonthOfDayKey(c.day)}
            </text>
          ))}
          {cells.map((c) => (
            <rect
              key={c.day}
              x={c.x * (CELL + GAP)}
              y={MONTHS + c.y * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              className={LEVELS[level(c.count)]}
            >
              <title>{`${formatDayKey(c.day)}: ${c.count} review${c.count === 1 ? "" : "s"}`}</title>
            </rect>
          ))}
        </svg>
      </figure>
      <p className="flex items-center justify-end gap-1 text-xs text-muted" data-testid="heatmap-legend">
        <span className="mr-1">Fewer</span>
        {LEVEL_SWATCHES.map((swatch) => (
          <span key={swatch} className={`inline-block h-3 w-3 rounded-sm ${swatch}`} aria-hidden />
        ))}
        <span className="ml-1">more reviews (most in a day: {max})</span>
      </p>
    </div>
  );
}

// Labels are in viewBox units, which shrink and grow with the chart. The font steps down as the chart
// (its figure, a size container) widens, so a label reads 10–14 px at any width: 22 units on a
// 360 px phone (~11 px), 12 on a desktop. Use AXIS_TEXT for every chart drawn 600 units wide.
const W = 600;
const NARROW_FONT = 22;
const WIDE_FONT = 17;
export const AXIS_SIZE = "text-[22px] @sm:text-[17px] @md:text-[14px] @xl:text-[12px]";
export const AXIS_TEXT = `fill-muted ${AXIS_SIZE}`;
const NARROW_ONLY = "fill-muted text-[22px] @sm:hidden";
const WIDE_ONLY = "fill-muted hidden @sm:inline @sm:text-[17px] @md:text-[14px] @xl:text-[12px]";

/**
 * A label's width in viewBox units, on the safe side: digits and most letters are about 0.55 em,
 * "%", "M", "W", "m" and "w" nearly a whole em (a semibold "85%" measured 44 units at 22).
 */
const labelWidth = (text: string, font: number) =>
  [...text].reduce((w, ch) => w + (/[%MWmw]/.test(ch) ? 1 : 0.62), 0) * font;

type Tick = { index: number; x: number; anchor: "start" | "middle" | "end" };

/**
 * Which of a row of axis labels to draw, and where, so that none overlaps its neighbour or runs off
 * the chart: every nth label, n the smallest that leaves a gap, then any label pushed inside an edge
 * is dropped if it now touches the one before. Exported for its unit test.
 *
 * @example spacedTicks([10, 30, 50], ["a", "b", "c"], 22, 600) // every label, the first start-anchored
 */
export function spacedTicks(positions: number[], labels: string[], font: number, width = W): Tick[] {
  const [first = 0, second = first + width] = positions;
  const widest = Math.max(0, ...labels.map((l) => labelWidth(l, font)));
  const every = Math.max(1, Math.ceil((widest + font) / Math.abs(second - first)));
  const ticks: Tick[] = [];
  let lastEnd = -Infinity;
  positions.forEach((x, index) => {
    if (index % every !== 0) return;
    const w = labelWidth(labels[index] ?? "", font);
    let tick: Tick = { index, x, anchor: "middle" };
    if (x - w / 2 < 0) tick = { index, x: 0, anchor: "start" };
    else if (x + w / 2 > width) tick = { index, x: width, anchor: "end" };
    const from = tick.anchor === "start" ? 0 : tick.anchor === "end" ? width - w : x - w / 2;
    if (from < lastEnd + font / 2) return;
    ticks.push(tick);
    lastEnd = from + w;
  });
  return ticks;
}

/** The largest font AXIS_TEXT draws, in viewBox units (a 360 px phone's). */
export const AXIS_FONT = NARROW_FONT;

type Box = { from: number; to: number; top: number; bottom: number };

/** A label's box at the largest axis font, centred on x, its baseline at y. */
export function labelBox(x: number, y: number, text: string, anchor: Tick["anchor"] = "middle"): Box {
  const w = labelWidth(text, AXIS_FONT);
  const from = anchor === "start" ? x : anchor === "end" ? x - w : x - w / 2;
  return { from, to: from + w, top: y - AXIS_FONT, bottom: y + AXIS_FONT / 4 };
}

/**
 * The baseline of each point's label: the first of `offsets(i)` (added to the point's y) where the
 * label stays inside `area` and clears the labels placed before it and the chart's fixed labels
 * (`obstacles`). Points close together on a phone get their labels above and below each other
 * instead of on top of each other.
 */
export function placePointLabels(
  points: { x: number; y: number; text: string }[],
  offsets: (index: number) => number[],
  { area, obstacles = [] }: { area: Box; obstacles?: Box[] },
): number[] {
  const placed = [...obstacles];
  const clear = (b: Box) =>
    b.from >= area.from &&
    b.to <= area.to &&
    b.top >= area.top &&
    b.bottom <= area.bottom &&
    placed.every((o) => o.to + 4 <= b.from || b.to + 4 <= o.from || o.bottom <= b.top || b.bottom <= o.top);
  return points.map((p, i) => {
    const tries = offsets(i).map((dy) => p.y + dy);
    const baseline = tries.find((y) => clear(labelBox(p.x, y, p.text))) ?? tries[0] ?? p.y;
    placed.push(labelBox(p.x, baseline, p.text));
    return baseline;
  });
}

/** The x-axis labels twice: spaced for a phone's font, and for the smaller font of a wider chart. */
function XLabels({ positions, labels, y }: { positions: number[]; labels: string[]; y: number }) {
  return (
    <g aria-hidden data-testid="x-labels">
      {(
        [
          [NARROW_FONT, NARROW_ONLY],
          [WIDE_FONT, WIDE_ONLY],
        ] as const
      ).map(([font, className]) =>
        spacedTicks(positions, labels, font).map((t) => (
          <text key={`${font}-${t.index}`} x={t.x} y={y} textAnchor={t.anchor} className={className}>
            {labels[t.index]}
          </text>
        )),
      )}
    </g>
  );
}

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
  const H = 160;
  const bar = W / data.length;
  return (
    <figure className="@container">
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
            </g>
          );
        })}
        <XLabels positions={data.map((_, i) => i * bar + bar / 2)} labels={data.map((d) => d.label)} y={H + 26} />
        <line x1={0} x2={W} y1={H} y2={H} className="stroke-line" />
        {/* The scale: the tallest bar's value, at its height. */}
        <line x1={0} x2={W} y1={0} y2={0} strokeDasharray="2 4" className="stroke-line" />
        <text x={W - 2} y={22} textAnchor="end" className={AXIS_TEXT}>
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
    <figure className="@container">
      <svg
        role="img"
        aria-label={`${label}: ${valid.map((p) => `${p.label} ${Math.round(p.value * 100)}%`).join(", ") || "no data yet"}`}
        viewBox={`0 0 ${W} ${H + 32}`}
        className="w-full"
      >
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <line x1={0} x2={W} y1={y(v)} y2={y(v)} className="stroke-line" />
            <text x={2} y={v === 1 ? y(v) + 22 : y(v) - 4} className={AXIS_TEXT}>
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
        <XLabels positions={points.map((_, i) => x(i))} labels={points.map((p) => p.label)} y={H + 26} />
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
