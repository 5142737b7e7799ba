"use server";

import { headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { formatWait } from "@/lib/auth/format-wait";
import { requestIp } from "@/lib/auth/request-ip";
import { safeReturnTo } from "@/lib/auth/safe-redirect";
import { SignInSchema } from "@/lib/auth/schemas";
import { signInRetryAfter } from "@/lib/auth/sign-in";
import { RateLimitedError } from "@/lib/errors";
import { asFormData, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export type SignInResult = ActionResult<"email" | "password">;

// The same words whether the email is unknown or the password wrong: no hint which accounts exist.
const WRONG_CREDENTIALS = "That email and password don't match an account. Check them and try again.";

export async function signInAction(_prev: SignInResult, formData: FormData): Promise<SignInResult> {
  formData = asFormData(formData);
  const email = String(formData.get("email") ?? "");
  const parsed = SignInSchema.safeParse({ email, password: formData.get("password") });
  if (!parsed.success) return toActionResult(parsed.error, { email });

  const tooMany = async () => {
    const wait = await signInRetryAfter(parsed.data.email, requestIp(await headers()), new Date());
    const seconds = Math.max(wait, 1);
    return toActionResult(
      new RateLimitedError(`Too many sign-in attempts. Try again in ${formatWait(seconds)}.`, "rate_limited", {
        retryAfterSeconds: seconds,
      }),
      { email },
    );
  };
  if ((await signInRetryAfter(parsed.data.email, requestIp(await headers()), new Date())) > 0) return tooMany();

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnTo(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") return tooMany();
    if (error instanceof AuthError) return { error: WRONG_CREDENTIALS, code: "wrong_credentials", values: { email } };
    throw error; // includes Next's redirect on success
  }
  return {};
}

export async function signInWithGithubAction(formData: FormData) {
  formData = asFormData(formData);
  await signIn("github", { redirectTo: safeReturnTo(formData.get("callbackUrl")) });
}
