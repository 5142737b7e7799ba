import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { githubEnabled } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeReturnTo } from "@/lib/auth/safe-redirect";
import { SignInForm } from "@/app/sign-in/sign-in-form";
import { signInWithGithubAction } from "@/app/sign-in/actions";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  everywhere: "You are signed out on every device.",
  deleted: "Your account and everything in it are deleted.",
};
const ERRORS: Record<string, string> = {
  GithubEmailTaken: "An account with your GitHub email already exists. Sign in with your email and password.",
  GithubNoEmail: "GitHub did not share an email address. Make one public on GitHub, or sign up with email.",
  CredentialsSignin: "That email and password don't match an account. Check them and try again.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnTo(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = params.signedOut ? NOTICES[params.signedOut] : undefined;
  const error = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Please try again.") : undefined;
  return (
    <div className="mx-auto max-w-md space-y-6 py-6">
      <h1 className="text-2xl font-bold">Sign in to Clio</h1>
      {notice && (
        <p role="status" className="rounded-lg bg-accent-soft px-3 py-2 text-sm text-accent">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-bad-soft px-3 py-2 text-sm text-bad">
          {error}
        </p>
      )}
      <div className="card space-y-4">
        <SignInForm callbackUrl={callbackUrl} />
        {githubEnabled && (
          <form action={signInWithGithubAction}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button type="submit" className="btn-secondary w-full">
              Continue with GitHub
            </button>
          </form>
        )}
      </div>
      <p className="text-center text-sm text-muted">
        New to Clio? {/* The way back (a join link, say) goes along to sign-up too. */}
        <Link
          href={callbackUrl === "/" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="link"
        >
          Create an account
        </Link>
      </p>
    </div>
  );
}
