import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeReturnTo } from "@/lib/auth/safe-redirect";
import { SignUpForm } from "@/app/sign-up/sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeReturnTo((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-6 py-6">
      <div>
        <h1 className="text-2xl font-bold">Create your Clio account</h1>
        <p className="text-muted">Students study their decks; teachers also create classes and assign decks.</p>
      </div>
      <div className="card">
        <SignUpForm callbackUrl={callbackUrl} />
      </div>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <Link
          href={callbackUrl === "/" ? "/sign-in" : `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="link"
        >
          Sign in
        </Link>
      </p>
    </div>
  );
}
