import { describe, expect, inject, it } from "vitest";
import { DEMO_USERS } from "@/lib/demo/seed";
import { MAX_ARTICLE_CHARS } from "@/lib/generate";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/validation/limits";
import { HttpSession } from "./http";

const baseUrl = inject("baseUrl");
const teacher = DEMO_USERS.find((u) => u.role === "teacher")!;
const limitText = `limited to ${MAX_ARTICLE_CHARS.toLocaleString("en-US")} characters`;

const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The new-deck form as a browser without JavaScript posts it: React renders the server action's
 * reference as hidden `$ACTION…` fields, and the page answers with the form's new state.
 */
async function postNewDeckForm(client: HttpSession, fileBytes: number): Promise<Response> {
  const html = await (await client.fetch("/decks/new")).text();
  const form = new FormData();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?/g))
    form.append(decodeHtml(name!), decodeHtml(value ?? ""));
  expect([...form.keys()].length, "the form's server-action fields").toBeGreaterThan(0);
  form.append("title", "An article far too long");
  form.append("text", "");
  form.append("file", new Blob(["lorem ipsum ".repeat(Math.ceil(fileBytes / 12))]), "long-article.md");
  return client.fetch("/decks/new", { method: "POST", body: form });
}

describe("the article upload over the server-action body limit", () => {
  it("answers a 1.5 MB upload (over Next's default 1 MB) with the form's own message beside the file", async () => {
    const client = new HttpSession(baseUrl);
    expect((await client.signIn(teacher.email, teacher.password)).status).toBe(302);
    const res = await postNewDeckForm(client, 1_500_000);
    const html = await res.text();
    expect(res.status, html.slice(0, 500)).toBe(200);
    expect(html).toMatch(new RegExp(`long-article\\.md.{0,20} is 1\\.\\d MB; articles are ${limitText}`));
  });

  it("answers an upload beyond the limit Next reads with 413 and the same advice, not a generic error", async () => {
    const client = new HttpSession(baseUrl);
    await client.signIn(teacher.email, teacher.password);
    const res = await postNewDeckForm(client, SERVER_ACTION_BODY_LIMIT_BYTES + 500_000);
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(new RegExp(`more than Clio accepts.*Articles are ${limitText}`));
  });
});
