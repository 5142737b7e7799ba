/**
 * Checks every article and deck under ./content (or the folder given as the first argument):
 * schemas, verbatim quotes, answers among options, timelines in order. Exits 1 on any problem.
 *
 *   tsx scripts/content-check.ts [content-dir]
 */
import { checkContent } from "../lib/content/check";
import { formatProblem } from "../lib/content/problems";

const contentDir = process.argv[2] ?? "content";
const report = checkContent(contentDir);

for (const problem of report.problems) console.log(formatProblem(problem));

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
console.log(
  `content:check: ${count(report.articles, "article")}, ${count(report.deckFiles, "deck")}, ` +
    `${count(report.cards, "card")}, ${count(report.problems.length, "problem")}`,
);
process.exitCode = report.problems.length > 0 ? 1 : 0;
