import { describe, expect, it } from "vitest";
import { DEFAULT_SRS_SETTINGS, InvalidSettingsError, parseSrsSettings, SrsSettingsSchema } from "@/lib/srs";

function issuesOf(input: unknown) {
  try {
    parseSrsSettings(input);
  } catch (error) {
    if (error instanceof InvalidSettingsError) return error.issues;
    throw error;
  }
  return [];
}

describe("scheduling settings", () => {
  it("default to FSRS's own values with fuzz on and a leech at 8 lapses", () => {
    expect(DEFAULT_SRS_SETTINGS).toEqual({
      desiredRetention: 0.9,
      learningSteps: ["1m", "10m"],
      relearningSteps: ["10m"],
      maximumInterval: 36500,
      enableFuzz: true,
      leechThreshold: 8,
    });
    expect(Object.isFrozen(DEFAULT_SRS_SETTINGS)).toBe(true);
  });

  it("fill in defaults for the fields left out", () => {
    expect(parseSrsSettings({ desiredRetention: 0.85, enableFuzz: false })).toEqual({
      ...DEFAULT_SRS_SETTINGS,
      desiredRetention: 0.85,
      enableFuzz: false,
    });
    expect(SrsSettingsSchema.parse({ learningSteps: [] }).learningSteps).toEqual([]);
  });

  it("accept steps in minutes and hours, up to a day", () => {
    expect(parseSrsSettings({ learningSteps: ["1m", "15m", "1h", "23h", "1439m"] }).learningSteps).toEqual([
      "1m",
      "15m",
      "1h",
      "23h",
      "1439m",
    ]);
  });

  // Issue 10: ts-fsrs turns a step of a day or more into a review interval and skips the later steps.
  it("refuse steps of a day or more, naming the setting", () => {
    expect(issuesOf({ learningSteps: ["10m", "1d", "1h"], relearningSteps: ["24h", "1440m"] })).toEqual([
      {
        path: "learningSteps.1",
        message:
          'Learning steps: each step must be shorter than a day (at most "23h" or "1439m"); longer gaps are FSRS\'s to choose.',
      },
      {
        path: "relearningSteps.0",
        message:
          'Relearning steps: each step must be shorter than a day (at most "23h" or "1439m"); longer gaps are FSRS\'s to choose.',
      },
      {
        path: "relearningSteps.1",
        message:
          'Relearning steps: each step must be shorter than a day (at most "23h" or "1439m"); longer gaps are FSRS\'s to choose.',
      },
    ]);
  });

  it("name each bad field with a message a person can act on", () => {
    expect(issuesOf({ desiredRetention: 1.2, maximumInterval: 0, leechThreshold: -1, enableFuzz: "yes" })).toEqual([
      { path: "desiredRetention", message: "Desired retention must be at most 0.99 (99%)." },
      { path: "maximumInterval", message: "Maximum interval must be at least 1 day." },
      { path: "enableFuzz", message: "enableFuzz must be true or false." },
      { path: "leechThreshold", message: "Leech threshold must be 0 (off) or more." },
    ]);
    expect(issuesOf({ desiredRetention: 0.5 })).toEqual([
      { path: "desiredRetention", message: "Desired retention must be at least 0.7 (70%)." },
    ]);
    expect(issuesOf({ maximumInterval: 12.5 })[0]?.message).toBe("Maximum interval must be a whole number of days.");
  });

  it("refuse steps ts-fsrs would misread: fractions, zero, words and missing units", () => {
    const issues = issuesOf({ learningSteps: ["1.5m", "0m", "10 minutes", "10"], relearningSteps: "10m" });
    expect(issues.map((issue) => issue.path)).toEqual([
      "learningSteps.0",
      "learningSteps.1",
      "learningSteps.2",
      "learningSteps.3",
      "relearningSteps",
    ]);
    expect(issues[0]?.message).toBe(
      'Write each step as a whole number above 0 and a unit m, h or d, e.g. "1m", "10m" or "1h".',
    );
    expect(issues[4]?.message).toBe('Give relearning steps as a list such as ["1m", "10m"].');
  });

  it("put every problem in the error message", () => {
    expect(() => parseSrsSettings({ desiredRetention: 2, leechThreshold: 1000 })).toThrow(
      "Invalid scheduling settings: desiredRetention: Desired retention must be at most 0.99 (99%).; leechThreshold: Leech threshold must be at most 100 lapses.",
    );
  });

  it("refuse something that is not an object at all", () => {
    expect(() => parseSrsSettings("fast")).toThrow(InvalidSettingsError);
  });
});
