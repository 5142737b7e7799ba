import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CardSchema } from "@/lib/content/schema";
import { runGenerate } from "@/scripts/cli/generate";
import { readArticle, SEED } from "./helpers";

const root = path.resolve(import.meta.dirname, "../../..");
const seedFile = path.join(root, SEED);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "clio-generate-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runGenerate(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe("generate <file> --json", () => {
  it("prints the cards as JSON, each valid and quoting the article", async () => {
    const { code, stdout, stderr } = await run(seedFile, "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const { cards } = JSON.parse(stdout) as { cards: unknown[] };
    expect(cards.length).toBeGreaterThan(10);
    const body = readArticle(SEED);
    for (const raw of cards) {
      const card = CardSchema.parse(raw);
      expect(body.includes(card.quote)).toBe(true);
      expect(Object.keys(raw as object).slice(0, 2)).toEqual(["id", "type"]);
    }
  });

  it("prints the same JSON on every run", async () => {
    expect((await run(seedFile, "--json")).stdout).toBe((await run(seedFile, "--json")).stdout);
  });

  it("keeps to --max", async () => {
    const { stdout } = await run(seedFile, "--json", "--max", "4");
    expect((JSON.parse(stdout) as { cards: unknown[] }).cards.length).toBeLessThanOrEqual(4);
  });

  it("reads a plain-text file too", async () => {
    const file = path.join(tmp, "article.txt");
    fs.writeFileSync(file, "\r\n" + readArticle(SEED).replace(/\n/g, "\r\n"));
    const { code, stdout } = await run(file, "--json");
    expect(code).toBe(0);
    const { cards } = JSON.parse(stdout) as { cards: Array<{ quote: string }> };
    for (const card of cards) expect(readArticle(SEED).includes(card.quote)).toBe(true);
  });
});

describe("generate <file>", () => {
  it("lists the cards readably", async () => {
    const { code, stdout } = await run(seedFile);
    expect(code).toBe(0);
    expect(stdout).toMatch(/draft cards from \d+ sentences/);
    expect(stdout).toMatch(/\[cloze\]/);
    expect(stdout).toMatch(/quote: “/);
  });

  it("explains a missing file, a wrong kind of file and bad text, with exit code 1", async () => {
    const missing = await run(path.join(tmp, "nope.md"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No such file/);

    const pdf = path.join(tmp, "article.pdf");
    fs.writeFileSync(pdf, "%PDF-1.4");
    expect((await run(pdf)).stderr).toMatch(/save the article as \.md or \.txt/);

    const binary = path.join(tmp, "binary.txt");
    fs.writeFileSync(binary, Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 53) % 256)));
    const notText = await run(binary);
    expect(notText.code).toBe(1);
    expect(notText.stderr).toMatch(/does not look like text/);

    const empty = path.join(tmp, "empty.md");
    fs.writeFileSync(empty, "---\ntitle: Nothing\n---\n\n");
    expect((await run(empty)).stderr).toMatch(/empty/);
  });

  it("shows usage with exit code 2 when the arguments are wrong", async () => {
    expect((await run()).code).toBe(2);
    expect((await run(seedFile, seedFile)).code).toBe(2);
    expect((await run(seedFile, "--bogus")).code).toBe(2);
    const badMax = await run(seedFile, "--max", "zero");
    expect(badMax.code).toBe(2);
    expect(badMax.stderr).toMatch(/--max/);
  });
});
