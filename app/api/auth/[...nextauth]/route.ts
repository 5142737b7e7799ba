import type { NextRequest } from "next/server";
import { errorResponse } from "@/app/_lib/route";
import { handlers } from "@/lib/auth/auth";
import { requestIp } from "@/lib/auth/request-ip";
import { signInRetryAfter } from "@/lib/auth/sign-in";
import { formatWait } from "@/lib/auth/format-wait";
import { RateLimitedError } from "@/lib/errors";

export const { GET } = handlers;

/**
 * Auth.js answers a refused sign-in with a redirect; a client over its limit gets a proper 429 with
 * Retry-After instead. (authorize() counts and enforces the limit itself too, so racing requests
 * that pass this check still cannot exceed it.)
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "");
    const wait = await signInRetryAfter(email, requestIp(request.headers), new Date());
    if (wait > 0) {
      return errorResponse(
        new RateLimitedError(`Too many sign-in attempts. Try again in ${formatWait(wait)}.`, "rate_limited", {
          retryAfterSeconds: wait,
        }),
      )!;
    }
  }
  return handlers.POST(request);
}
