import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/current-user";
import { DraftPublishError, publishDraft } from "@/lib/content/publish";
import { apiRoute, readJson } from "@/lib/http/errors";

type Context = { params: Promise<{ id: string }> };

/**
 * Publishes the draft: `{ version }` → `{ slug, url, version, … }`. 422 lists every problem, each
 * naming its card (`problems[].cardId`) so the editor can point at it; 409 when `version` is stale.
 */
export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const user = await requireApiUser(request);
  const { id } = await params;
  const body = await readJson(request);
  try {
    const result = await publishDraft(user, id, body, new Date());
    return NextResponse.json({ ...result, url: `/decks/${result.slug}` });
  } catch (error) {
    if (error instanceof DraftPublishError) {
      return NextResponse.json({ error: error.message, code: error.code, problems: error.problems }, { status: 422 });
    }
    throw error;
  }
});
