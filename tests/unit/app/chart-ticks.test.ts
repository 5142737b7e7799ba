import { describe, expect, it } from "vitest";
import { spacedTicks } from "@/app/_components/charts";

// 30 bars across 600 units, as the progress page's forecast.
const bars = Array.from({ length: 30 }, (_, i) => i * 20 + 10);
const days = Array.from({ length: 30 }, (_, i) => (i < 1 ? "Nov 30" : `Dec ${i}`));
// As charts.tsx estimates (none of these labels has a wide glyph such as "%").
const width = (label: string, font: number) => label.length * 0.62 * font;

/** The span each tick's label covers, in viewBox units. */
function spans(ticks: ReturnType<typeof spacedTicks>, labels: string[], font: number): [number, number][] {
  return ticks.map((t) => {
    const w = width(labels[t.index]!, font);
    return t.anchor === "start" ? [t.x, t.x + w] : t.anchor === "end" ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2];
  });
}

describe("spacedTicks: axis labels that clear each other and the chart's edges", () => {
  it.each([22, 17, 12])("leaves a gap between 30 days' labels at %i units, all inside the chart", (font) => {
    const ticks = spacedTicks(bars, days, font);
    const covered = spans(ticks, days, font);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    covered.forEach(([from, to], i) => {
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(600);
      if (i > 0) expect(from - covered[i - 1]![1]).toBeGreaterThanOrEqual(font / 2);
    });
  });

  it("draws fewer labels for the larger font of a phone than for a desktop", () => {
    expect(spacedTicks(bars, days, 22).length).toBeLessThan(spacedTicks(bars, days, 12).length);
  });

  it("pulls the first label in from the left edge, and keeps every label when there is room", () => {
    const ticks = spacedTicks([10, 300, 590], ["Jan 1", "Jan 8", "Jan 15"], 22);
    expect(ticks.map((t) => [t.index, t.x, t.anchor])).toEqual([
      [0, 0, "start"],
      [1, 300, "middle"],
      [2, 600, "end"],
    ]);
  });

  it("draws nothing for no points", () => {
    expect(spacedTicks([], [], 22)).toEqual([]);
  });
});
