import { NextResponse } from "next/server";
import { z } from "zod";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute } from "@/app/_lib/route";
import { fetchQueue } from "@/lib/study/queue";

const QueryParamsSchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1)
    .max(100, { error: "limit can be at most 100" })
    .default(20),
});

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const user = await requireSignedInUser(request);
  const { slug } = await params;
  const { limit } = QueryParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await fetchQueue(user, slug, new Date(), limit), {
    headers: { "Cache-Control": "no-store" },
  });
});
