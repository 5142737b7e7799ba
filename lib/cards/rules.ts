import { foldForComparison } from "../content/quote";
import type { Finding } from "./kind";

// Content rules more than one kind applies. foldForComparison is a pure text helper (no database).

/** The answer exactly once among the options, and no two options the same when case is ignored. */
export function checkOptions(options: readonly string[], answer: string): Finding[] {
  const findings: Finding[] = [];
  const exact = options.filter((option) => option === answer).length;
  if (exact === 0) {
    const near = options.find((option) => foldForComparison(option) === foldForComparison(answer));
    findings.push([
      near === undefined
        ? `the answer "${answer}" is not among the options`
        : `the answer "${answer}" is not among the options exactly (closest: "${near}")`,
      `add "${answer}" to "options", or make the answer match one option character for character`,
    ]);
  } else if (exact > 1) {
    findings.push([`the answer "${answer}" appears ${exact} times in the options`, "list each option once"]);
  }

  for (const group of sameWhenCaseIgnored(options)) {
    const alreadyReported = exact > 1 && group.every((option) => option === answer);
    if (!alreadyReported) {
      findings.push([
        `options ${group.map((o) => `"${o}"`).join(" and ")} are the same when case is ignored`,
        "make every option distinct",
      ]);
    }
  }
  return findings;
}

export function sameWhenCaseIgnored(values: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const value of values) {
    const key = foldForComparison(value);
    groups.set(key, [...(groups.get(key) ?? []), value]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

/** Options as a teacher typed them in the editor, one per line: blank lines dropped. */
export function keptOptions(options: readonly string[]): string[] {
  return options.map((option) => option.trim()).filter(Boolean);
}
