import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JoinCodeSchema } from "@/lib/classes/join-code";

describe("join codes", () => {
  it("are 8 characters from an alphabet without 0, O, 1 or I", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(32);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OI]/);
    const codes = Array.from({ length: 2000 }, generateJoinCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(formatJoinCode("K7QM4XTP")).toBe("K7QM-4XTP");
  });
  it("accept what a student types: any case, dashes and spaces", () => {
    expect(JoinCodeSchema.parse(" k7qm-4xtp ")).toBe("K7QM4XTP");
    expect(JoinCodeSchema.parse("K7QM 4XTP")).toBe("K7QM4XTP");
  });
  it("refuse malformed codes with a message that says what is wrong", () => {
    const message = (input: string) => JoinCodeSchema.safeParse(input).error?.issues[0]?.message;
    expect(message("K7QM-4XT0")).toBe("Class codes never contain 0, O, 1 or I. Check the code with your teacher.");
    expect(message("K7QM-4XTO")).toMatch(/never contain 0, O, 1 or I/);
    expect(message("K7QM4XT")).toBe("A class code has 8 letters and digits, like K7QM-4XTP. This one has 7.");
    expect(message("")).toBe("Enter the class code your teacher gave you.");
    expect(message("K7QM_4XT")).toMatch(/only letters and digits/);
  });
});
