import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/app/account/actions";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-line bg-surface/80 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-3 sm:gap-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-accent font-serif text-accent-ink">
            C
          </span>
          Clio
        </Link>
        {user ? (
          <>
            <Link href="/" className="text-sm text-muted hover:text-ink">
              Decks
            </Link>
            <Link href="/progress" className="text-sm text-muted hover:text-ink">
              Progress
            </Link>
            <Link href="/classes" className="text-sm text-muted hover:text-ink">
              Classes
            </Link>
            <div className="ml-auto flex items-center gap-3">
              <Link
                href="/account"
                className="hidden text-sm text-muted hover:text-ink sm:inline"
                data-testid="account-link"
              >
                {user.name}
                <span className="ml-1 rounded bg-accent-soft px-1.5 py-0.5 text-xs text-accent">{user.role}</span>
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="btn-secondary whitespace-nowrap px-3 py-1.5">
                  Sign out
                </button>
              </form>
            </div>
          </>
        ) : (
          <div className="ml-auto flex items-center gap-2">
            <Link href="/sign-in" className="btn-secondary py-1.5">
              Sign in
            </Link>
            <Link href="/sign-up" className="btn-primary py-1.5">
              Sign up
            </Link>
          </div>
        )}
      </nav>
    </header>
  );
}
