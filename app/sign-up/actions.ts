"use server";

import { signIn } from "@/lib/auth/auth";
import { SignUpSchema } from "@/lib/auth/schemas";
import { headers } from "next/headers";
import { requestIp } from "@/lib/auth/request-ip";
import { safeReturnTo } from "@/lib/auth/safe-redirect";
import { EmailTakenError, createUser, throttleSignUp } from "@/lib/auth/users";
import { asFormData, toActionResult, type ActionResult } from "@/app/_lib/action-result";

export type SignUpResult = ActionResult<"name" | "email" | "password" | "role">;

export async function signUpAction(_prev: SignUpResult, formData: FormData): Promise<SignUpResult> {
  formData = asFormData(formData);
  const raw = Object.fromEntries(formData);
  const values = { name: String(raw.name ?? ""), email: String(raw.email ?? ""), role: String(raw.role ?? "") };
  const parsed = SignUpSchema.safeParse(raw);
  if (!parsed.success) return toActionResult(parsed.error, values);
  try {
    await throttleSignUp(requestIp(await headers()), new Date());
    await createUser(parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError)
      return { code: "email_taken", fieldErrors: { email: [error.message] }, values };
    return toActionResult(error, values);
  }
  // Redirects on success (signIn throws Next's redirect, which must not be caught).
  const returnTo = safeReturnTo(raw.callbackUrl);
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: returnTo === "/" ? "/?welcome=1" : returnTo,
  });
  return {};
}
