"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ONBOARDING_COOKIE } from "@/app/_components/first-day-steps";

/** Hides the first-day guide on this browser (a preference, not data: a cookie is enough). */
export async function dismissOnboardingAction(): Promise<void> {
  (await cookies()).set(ONBOARDING_COOKIE, "1", {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  redirect("/");
}
