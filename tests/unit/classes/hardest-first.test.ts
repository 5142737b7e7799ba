import { describe, expect, it } from "vitest";
import { compareHardestFirst, type DashboardCard } from "@/lib/classes/dashboard";

describe("the dashboard's card ranking", () => {
  it("ranks cards nobody reviewed last, and breaks ties by lapses, then predicted recall, then deck order", () => {
    const card = (externalId: string, position: number, accuracy: number | null, lapsedBy = 0, predictedRecall = 0.5) =>
      ({ externalId, position, accuracy, lapsedBy, predictedRecall }) as DashboardCard;
    const ranked = [
      card("unseen", 0, null),
      card("easy", 1, 0.9),
      card("hard", 2, 0.4),
      card("lapsed", 3, 0.4, 2),
      card("fading", 4, 0.4, 2, 0.2),
    ]
      .sort(compareHardestFirst)
      .map((c) => c.externalId);
    expect(ranked).toEqual(["fading", "lapsed", "hard", "easy", "unseen"]);
  });
});
