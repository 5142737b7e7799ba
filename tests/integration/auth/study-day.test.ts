import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { updateStudyDay } from "@/lib/auth/users";
import { makeUser } from "../fixtures";

describe("the account's study days", () => {
  it("default to a 4 am day start, and save a valid time zone and hour from the account form", async () => {
    const user = await makeUser("student", "Europe/Berlin");
    expect(user.dayStartHour).toBe(4);
    const saved = await updateStudyDay(user.id, { timezone: " America/New_York ", dayStartHour: "0" });
    expect(saved).toMatchObject({ timezone: "America/New_York", dayStartHour: 0 });
  });

  it("refuse an unknown zone or an hour outside 0–23, changing nothing", async () => {
    const user = await makeUser("student", "Europe/Berlin");
    for (const input of [
      { timezone: "Mars/Olympus", dayStartHour: "4" },
      { timezone: "UTC", dayStartHour: "24" },
      { timezone: "UTC", dayStartHour: "4.5" },
      { timezone: "", dayStartHour: "4" },
    ]) {
      await expect(updateStudyDay(user.id, input)).rejects.toBeInstanceOf(ZodError);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      timezone: "Europe/Berlin",
      dayStartHour: 4,
    });
  });
});
