import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/current-user";
import { apiRoute, HttpError } from "@/lib/http/errors";
import { undoReview } from "@/lib/study/review";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireApiUser(request);
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) throw new HttpError(400, "The review id in the URL must be the UUID you sent with the review.", "invalid_review_id");
  return NextResponse.json(await undoReview(user, parsed.data));
});
