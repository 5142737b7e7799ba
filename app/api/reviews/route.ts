import { NextResponse } from "next/server";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute, readJson } from "@/app/_lib/route";
import { ReviewSubmissionSchema, submitReview } from "@/lib/study/review";

export const POST = apiRoute(async (request: Request) => {
  const user = await requireSignedInUser(request);
  const input = ReviewSubmissionSchema.parse(await readJson(request));
  const result = await submitReview(user, input, new Date());
  // 201 for the write, 200 for a retry that returns the stored review.
  return NextResponse.json(result, { status: result.replayed ? 200 : 201 });
});
