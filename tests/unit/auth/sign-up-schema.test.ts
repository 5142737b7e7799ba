import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SignUpSchema } from "@/lib/auth/schemas";
import { estimateStrength, isCommonPassword, MIN_PASSWORD_SCORE, PUBLISHED_PASSWORDS } from "@/lib/auth/password";
import { DEMO_USERS } from "@/lib/demo/seed";

const valid = {
  name: "Ada Lovelace",
  email: "Ada@Example.org ",
  password: "analytical-engine-1843",
  role: "student",
  timezone: "Europe/London",
};

function fieldErrors(input: Record<string, unknown>) {
  const result = SignUpSchema.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
}

describe("sign-up validation", () => {
  it("accepts a valid sign-up and normalises the email to lower case", () => {
    const data = SignUpSchema.parse(valid);
    expect(data.email).toBe("ada@example.org");
    expect(data.role).toBe("student");
    expect(data.timezone).toBe("Europe/London");
  });

  it("names each bad field with a message a person can act on", () => {
    const errors = fieldErrors({ name: " ", email: "not-an-email", password: "short", role: "admin" });
    expect(errors.name).toEqual(["Enter your name."]);
    expect(errors.email).toEqual(["Enter an email address like name@school.org."]);
    expect(errors.password).toEqual(["Use at least 8 characters."]);
    expect(errors.role).toEqual(["Choose whether you are a student or a teacher."]);
  });

  it("allows passwords of 64 characters and more, up to 128", () => {
    expect(
      fieldErrors({ ...valid, password: "quartz-lantern-orbit-velvet-".repeat(3).slice(0, 64) }).password,
    ).toBeUndefined();
    expect(fieldErrors({ ...valid, password: "correct horse ".repeat(9) }).password).toBeUndefined();
    expect(fieldErrors({ ...valid, password: "z".repeat(129) }).password).toEqual(["Use at most 128 characters."]);
  });

  it("refuses the most common passwords, whatever their case", () => {
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PassWord1")).toBe(true);
    expect(isCommonPassword("12345678")).toBe(true);
    expect(fieldErrors({ ...valid, password: "Iloveyou1" }).password?.[0]).toMatch(/most common/);
    expect(isCommonPassword("analytical-engine-1843")).toBe(false);
  });

  it("refuses weak passwords with advice: repeats, a common word dressed up, runs, the README's, the email's", () => {
    const advice = (password: string, email = valid.email) => fieldErrors({ ...valid, email, password }).password;
    expect(advice("aaaaaaaa")).toEqual([expect.stringMatching(/most common|too few different characters/)]);
    expect(advice("abababab")).toEqual([expect.stringMatching(/too few different characters/)]);
    expect(advice("Password1!")).toEqual([expect.stringMatching(/common word or password with a few characters/)]);
    expect(advice("P@ssw0rd!!")).toEqual([expect.stringMatching(/common word or password/)]);
    expect(advice("Elephant12")).toEqual([expect.stringMatching(/common word or password/)]);
    expect(advice("bcdefghij")).toEqual([expect.stringMatching(/run of letters/)]);
    for (const { password } of DEMO_USERS) expect(advice(password)).toEqual([expect.stringMatching(/README/)]);
    expect([...PUBLISHED_PASSWORDS].sort()).toEqual(DEMO_USERS.map((u) => u.password).sort());
    expect(advice("grace.hopper@navy.mil", "grace.hopper@navy.mil")).toEqual([expect.stringMatching(/email/)]);
    expect(advice("grace.hopper-2026", "Grace.Hopper@navy.mil")).toEqual([expect.stringMatching(/email/)]);
    expect(advice("analytical-engine-1843")).toBeUndefined();
    expect(advice("the-analytical-engine")).toBeUndefined();
  });

  it("refuses what zxcvbn scores below 3, with its own warning and suggestion, and counts the user's name and email as easy words", () => {
    const advice = (password: string, user: { name?: string; email?: string } = {}) =>
      fieldErrors({ ...valid, ...user, password }).password;
    // Each passes the rules above; zxcvbn's estimate catches it.
    expect(advice("Summer2019!")).toEqual([expect.stringMatching(/^This is similar to a commonly used password\. .+/)]);
    expect(advice("iloveyou2much")).toEqual([expect.stringMatching(/commonly used password\. Add more words/)]);
    expect(advice("zorblaxquint")).toBeUndefined();
    expect(advice("zorblaxquint", { name: "Quint Zorblax", email: "qz@example.org" })).toEqual([
      expect.stringMatching(/^Don't use your name or email address in your password\./),
    ]);
    expect(estimateStrength("analytical-engine-1843").score).toBeGreaterThanOrEqual(MIN_PASSWORD_SCORE);
    expect(estimateStrength("Summer2019!").score).toBeLessThan(MIN_PASSWORD_SCORE);
  });

  it("falls back to UTC for an unknown time zone rather than refusing the sign-up", () => {
    expect(SignUpSchema.parse({ ...valid, timezone: "Mars/Olympus" }).timezone).toBe("UTC");
  });
});
