"use server";

import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { SignUpSchema } from "@/lib/auth/schemas";
import { EmailTakenError, createUser } from "@/lib/auth/users";

export interface SignUpState {
  fieldErrors?: Partial<Record<"name" | "email" | "password" | "role", string[]>>;
  values?: { name: string; email: string; role: string };
}

export async function signUpAction(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const raw = Object.fromEntries(formData);
  const values = { name: String(raw.name ?? ""), email: String(raw.email ?? ""), role: String(raw.role ?? "") };
  const parsed = SignUpSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await createUser(parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) return { fieldErrors: { email: [error.message] }, values };
    throw error;
  }
  // Redirects on success (signIn throws Next's redirect, which must not be caught).
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/?welcome=1" });
  return {};
}
