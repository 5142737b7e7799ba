import { NextResponse } from "next/server";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { publishDraft } from "@/lib/content/publish";
import { apiRoute, readJson } from "@/app/_lib/route";

type Context = { params: Promise<{ id: string }> };

/**
 * Publishes the draft: `{ version }` → `{ slug, url, version, … }`. 422 lists every problem, each
 * naming its card (`details.problems[].cardId`) so the editor can point at it; 409 when `version` is stale.
 */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const user = await requireSignedInUser(request);
  const { id } = await params;
  const result = await publishDraft(user, id, await readJson(request), new Date());
  return NextResponse.json({ ...result, url: `/decks/${result.slug}` });
});
