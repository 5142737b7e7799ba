import { NextResponse } from "next/server";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { loadDraft, saveDraft } from "@/lib/content/drafts";
import { apiRoute, readJson } from "@/app/_lib/route";

type Context = { params: Promise<{ id: string }> };

/** The draft as the editor shows it (teacher and owner only). */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const user = await requireSignedInUser(request);
  const draft = await loadDraft(user, (await params).id);
  return NextResponse.json(draft, { headers: { "Cache-Control": "no-store" } });
});

/** Autosave: `{ version, title, outlet, sourceUrl, cards }` → `{ version }`; 409 when `version` is stale. */
export const PUT = apiRoute(async (request: Request, { params }: Context) => {
  const user = await requireSignedInUser(request);
  const result = await saveDraft(user, (await params).id, await readJson(request));
  return NextResponse.json(result);
});
