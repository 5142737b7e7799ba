import { NextResponse } from "next/server";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute } from "@/app/_lib/route";
import { MalformedError } from "@/lib/errors";
import { isUuid } from "@/lib/validation/uuid";
import { undoReview } from "@/lib/study/review";

export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const user = await requireSignedInUser(request);
  const { id } = await params;
  if (!isUuid(id))
    throw new MalformedError(
      "The review id in the URL must be the UUID you sent with the review.",
      "invalid_review_id",
    );
  return NextResponse.json(await undoReview(user, id));
});
