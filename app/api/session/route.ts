import { NextResponse } from "next/server";
import { requireSignedInUser } from "@/lib/auth/request-user";
import { apiRoute } from "@/app/_lib/route";

// Who is signed in, for a client that holds only the session cookie (401 when nobody is). It does
// nothing but the session check every API route starts with, so bench/review-throughput measures
// it as the framework floor: what any authenticated Next.js route costs here.
export const GET = apiRoute(async (request: Request) => {
  const user = await requireSignedInUser(request);
  return NextResponse.json({ userId: user.id }, { headers: { "Cache-Control": "private, no-store" } });
});
