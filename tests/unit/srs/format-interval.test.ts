import { describe, expect, it } from "vitest";
import { formatInterval } from "@/lib/srs";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("interval labels on the answer buttons", () => {
  it("use whole minutes, hours and days up to a month", () => {
    expect(formatInterval(MINUTE)).toBe("1m");
    expect(formatInterval(10 * MINUTE)).toBe("10m");
    expect(formatInterval(3 * HOUR)).toBe("3h");
    expect(formatInterval(DAY)).toBe("1d");
    expect(formatInterval(4 * DAY)).toBe("4d");
    expect(formatInterval(29 * DAY)).toBe("29d");
  });

  it("use months and years with at most one decimal beyond that", () => {
    expect(formatInterval(30 * DAY)).toBe("1mo");
    expect(formatInterval(45 * DAY)).toBe("1.5mo");
    expect(formatInterval(90 * DAY)).toBe("3mo");
    expect(formatInterval(365 * DAY)).toBe("1y");
    expect(formatInterval(438 * DAY)).toBe("1.2y");
    expect(formatInterval(36500 * DAY)).toBe("100y");
  });

  it("round into the next unit rather than show 60m or 24h", () => {
    expect(formatInterval(59.7 * MINUTE)).toBe("1h");
    expect(formatInterval(23.6 * HOUR)).toBe("1d");
  });

  it("say now for no time at all and <1m for a few seconds", () => {
    expect(formatInterval(0)).toBe("now");
    expect(formatInterval(-5 * MINUTE)).toBe("now");
    expect(formatInterval(20_000)).toBe("<1m");
  });

  it("refuse a time that is not a number", () => {
    expect(() => formatInterval(NaN)).toThrow(RangeError);
  });
});
